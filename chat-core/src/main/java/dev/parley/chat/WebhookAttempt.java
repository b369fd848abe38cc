package dev.parley.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One try to send a delivery.
 *
 * @param id             store-assigned id
 * @param deliveryId     the delivery
 * @param at             when it started
 * @param statusCode     the HTTP status answered, null when there was no answer (refused, timed out, …)
 * @param durationMillis how long it took
 * @param response       the first bytes of the answer's body, or what went wrong when there was no answer
 */
public record WebhookAttempt(
        long id,
        long deliveryId,
        Instant at,
        @Nullable Integer statusCode,
        long durationMillis,
        String response) {

    /** Whether the receiver took it (a 2xx answer). */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
