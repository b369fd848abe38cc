package dev.parley.chat;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where webhooks go. Carries its secrets: services answer it to the host, the HTTP API never shows them after
 * creation.
 *
 * @param id                  store-assigned id
 * @param url                 the target, {@code https://} or {@code http://}
 * @param description         for people, may be null
 * @param events              the event types subscribed
 * @param enabled             whether deliveries are sent
 * @param secret              the signing secret, {@code whsec_} + base64
 * @param previousSecret      the secret before the last rotation, also signed with until {@code previousSecretUntil}
 * @param previousSecretUntil when the previous secret stops being used
 * @param failingSince        the first failed attempt since the last success, null when healthy
 * @param disabledReason      why Parley disabled the endpoint, null when enabled or disabled by an admin
 * @param createdAt           when it was created
 * @param updatedAt           when it last changed
 */
public record WebhookEndpoint(
        long id,
        String url,
        @Nullable String description,
        Set<WebhookEventType> events,
        boolean enabled,
        String secret,
        @Nullable String previousSecret,
        @Nullable Instant previousSecretUntil,
        @Nullable Instant failingSince,
        @Nullable String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    /** Copies the set of events. */
    public WebhookEndpoint {
        events = Set.copyOf(events);
    }

    /** This endpoint with the store-assigned id. */
    public WebhookEndpoint withId(long newId) {
        return new WebhookEndpoint(newId, url, description, events, enabled, secret, previousSecret,
                previousSecretUntil, failingSince, disabledReason, createdAt, updatedAt);
    }

    /** Never shows the secrets. */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", url=" + url + ", events=" + events + ", enabled=" + enabled + "]";
    }

    /** Whether the endpoint takes events of this type now. */
    public boolean wants(WebhookEventType type) {
        return enabled && events.contains(type);
    }
}
