package dev.parley.chat.spring.webhook;

import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.WebhookEventType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the webhook endpoints; an endpoint's view never carries its secrets. */
final class WebhookViews {

    private WebhookViews() {}

    record Endpoint(long id, String url, @Nullable String description, List<String> events, boolean enabled,
            @Nullable Instant failingSince, @Nullable String disabledReason, @Nullable Instant previousSecretUntil,
            Instant createdAt,
            Instant updatedAt) {}

    /** An endpoint with its secret: answered once, when it is created or its secret rotated. */
    record WithSecret(Endpoint endpoint, String secret) {}

    record Attempt(Instant at, @Nullable Integer statusCode, long durationMillis, String response) {}

    record Delivery(long id, long endpointId, String webhookId, String type, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, @Nullable Integer lastStatusCode, String payload,
            List<Attempt> attemptLog) {}

    record Deleted(long id) {}

    static Endpoint endpoint(WebhookEndpoint e) {
        return new Endpoint(e.id(), e.url(), e.description(),
                e.events().stream().sorted().map(WebhookEventType::wireName).toList(), e.enabled(),
                e.failingSince(), e.disabledReason(), e.previousSecretUntil(), e.createdAt(), e.updatedAt());
    }

    static Delivery delivery(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new Delivery(d.id(), d.endpointId(), d.messageId(), d.type().wireName(), d.status().name(),
                d.attempts(), d.createdAt(), d.nextAttemptAt(), d.lastStatusCode(), d.payload(),
                attempts.stream().map(a -> new Attempt(a.at(), a.statusCode(), a.durationMillis(), a.response()))
                        .toList());
    }
}
