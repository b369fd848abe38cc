package dev.parley.chat.webhook;

import dev.parley.chat.ParleyException;
import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.WebhookEventType;
import dev.parley.chat.store.WebhookRecords;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules of webhook endpoints: valid public targets, known event types, secrets generated here. */
public final class DefaultWebhookService implements WebhookService {

    private static final Logger log = LoggerFactory.getLogger(DefaultWebhookService.class);
    private static final int MAX_URL = 2_000;
    private static final int MAX_DESCRIPTION = 500;
    private static final int MAX_LIST = 500;

    private final WebhookRecords records;
    private final WebhookRecorder recorder;
    private final WebhookSettings settings;
    private final Clock clock;
    private final TargetGuard guard;

    /** Creates the service; {@code recorder} is told when endpoints change. */
    public DefaultWebhookService(WebhookRecords records, WebhookRecorder recorder, WebhookSettings settings,
            Clock clock) {
        this.records = records;
        this.recorder = recorder;
        this.settings = settings;
        this.clock = clock;
        this.guard = new TargetGuard(settings.allowPrivateTargets());
    }

    @Override
    public WebhookEndpoint create(EndpointDraft draft) {
        if (draft.url() == null || draft.url().isBlank()) {
            throw ParleyException.invalid("url is required");
        }
        if (draft.events() == null) {
            throw ParleyException.invalid("events is required: a list of " + wireNames());
        }
        Instant now = clock.instant();
        WebhookEndpoint created = records.insertEndpoint(new WebhookEndpoint(0, url(draft.url()),
                description(draft.description()), events(draft.events()),
                draft.enabled() == null || draft.enabled(), WebhookSecret.generate().value(), null, null, null, null,
                now, now));
        recorder.endpointsChanged();
        log.info("Webhook endpoint {} created for {} ({})", created.id(), created.url(), created.events());
        return created;
    }

    @Override
    public WebhookEndpoint update(long id, EndpointDraft draft) {
        WebhookEndpoint e = get(id);
        boolean enable = draft.enabled() != null && draft.enabled() && !e.enabled();
        WebhookEndpoint next = new WebhookEndpoint(id,
                draft.url() == null ? e.url() : url(draft.url()),
                draft.description() == null ? e.description() : description(draft.description()),
                draft.events() == null ? e.events() : events(draft.events()),
                draft.enabled() == null ? e.enabled() : draft.enabled(),
                e.secret(), e.previousSecret(), e.previousSecretUntil(),
                enable ? null : e.failingSince(), enable ? null : e.disabledReason(), e.createdAt(), clock.instant());
        save(next);
        return next;
    }

    @Override
    public void delete(long id) {
        if (!records.deleteEndpoint(id)) {
            throw notFound(id);
        }
        recorder.endpointsChanged();
        log.info("Webhook endpoint {} deleted", id);
    }

    @Override
    public List<WebhookEndpoint> list() {
        return records.listEndpoints();
    }

    @Override
    public WebhookEndpoint get(long id) {
        return records.findEndpoint(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public WebhookEndpoint rotateSecret(long id) {
        WebhookEndpoint e = get(id);
        Instant now = clock.instant();
        WebhookEndpoint next = new WebhookEndpoint(id, e.url(), e.description(), e.events(), e.enabled(),
                WebhookSecret.generate().value(), e.secret(), now.plus(settings.rotationOverlap()), e.failingSince(),
                e.disabledReason(), e.createdAt(), now);
        save(next);
        log.info("Webhook endpoint {}: secret rotated, the previous one signs too until {}", id,
                next.previousSecretUntil());
        return next;
    }

    @Override
    public List<WebhookDelivery> deliveries(long endpointId, int limit) {
        get(endpointId);
        return records.listDeliveries(endpointId, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    @Override
    public List<WebhookAttempt> attempts(long deliveryId) {
        delivery(deliveryId);
        return records.listAttempts(deliveryId);
    }

    @Override
    public WebhookDelivery resend(long deliveryId) {
        WebhookDelivery d = delivery(deliveryId);
        if (!get(d.endpointId()).enabled()) {
            throw ParleyException.conflict("webhook endpoint " + d.endpointId() + " is disabled; enable it first");
        }
        records.requeue(deliveryId, clock.instant());
        return delivery(deliveryId);
    }

    private WebhookDelivery delivery(long id) {
        return records.findDelivery(id)
                .orElseThrow(() -> ParleyException.notFound("webhook delivery " + id + " does not exist"));
    }

    private void save(WebhookEndpoint next) {
        if (!records.updateEndpoint(next)) {
            throw notFound(next.id());
        }
        recorder.endpointsChanged();
    }

    private String url(String url) {
        if (url.length() > MAX_URL) {
            throw ParleyException.invalid("url is longer than " + MAX_URL + " characters");
        }
        URI uri = TargetGuard.parse(url);
        guard.check(uri);
        return uri.toString();
    }

    private static @Nullable String description(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw ParleyException.invalid("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return text.strip();
    }

    private static Set<WebhookEventType> events(List<String> names) {
        if (names.isEmpty()) {
            throw ParleyException.invalid("events must name at least one of " + wireNames());
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String n : names) {
            types.add(WebhookEventType.parse(n == null ? "" : n).orElseThrow(() -> ParleyException.invalid(
                    "events: unknown event type '" + n + "'; known: " + wireNames())));
        }
        return types;
    }

    private static List<String> wireNames() {
        return EnumSet.allOf(WebhookEventType.class).stream().map(WebhookEventType::wireName).toList();
    }

    private static ParleyException notFound(long id) {
        return ParleyException.notFound("webhook endpoint " + id + " does not exist");
    }
}
