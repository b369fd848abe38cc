package dev.parley.chat.webhook;

import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.WebhookEventType;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.WebhookRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes a delivery per subscribed endpoint for each event, inside the caller's transaction, so that an event is
 * delivered exactly when its change is stored. {@link #wrap} gives a store that calls it on every change of a chat
 * or message, whichever service makes it.
 */
public final class WebhookRecorder {

    private final WebhookRecords records;
    private final Clock clock;
    private final WebhookSettings settings;
    private final Payloads payloads = new Payloads();
    private volatile @Nullable Cached cached;

    private record Cached(List<WebhookEndpoint> endpoints, Instant until) {}

    /** Creates the recorder over the store's webhook records. */
    public WebhookRecorder(WebhookRecords records, Clock clock, WebhookSettings settings) {
        this.records = records;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The store with webhooks recorded in the transaction of each change: a chat inserted ({@code chat.started}), a
     * message inserted ({@code message.created}), a chat's status, department or assignee changed
     * ({@code chat.updated}) or its rating set ({@code chat.rated}). Build {@code Parley} over this store.
     */
    public ChatStore wrap(ChatStore store) {
        return new RecordingStore(store, this);
    }

    /** Drops this node's copy of the endpoints, after a change. */
    public void endpointsChanged() {
        cached = null;
    }

    /** Whether an enabled endpoint subscribes to any of these types. */
    boolean anyWants(WebhookEventType... types) {
        for (WebhookEndpoint e : endpoints()) {
            for (WebhookEventType t : types) {
                if (e.wants(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records the event for every enabled endpoint subscribed to its type; answers how many deliveries. */
    int record(WebhookEventType type, Map<String, Object> data) {
        List<WebhookEndpoint> targets = endpoints().stream().filter(e -> e.wants(type)).toList();
        if (targets.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        String body = payloads.body(type, now, data);
        targets.forEach(e -> records.insertDelivery(WebhookDelivery.pending(e.id(), id, type, body, now)));
        return targets.size();
    }

    Payloads payloads() {
        return payloads;
    }

    private List<WebhookEndpoint> endpoints() {
        Instant now = clock.instant();
        Cached c = cached;
        if (c == null || !now.isBefore(c.until())) {
            c = new Cached(records.listEndpoints(), now.plus(settings.subscriptionCache()));
            cached = c;
        }
        return c.endpoints();
    }
}
