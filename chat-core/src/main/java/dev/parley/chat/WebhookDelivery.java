package dev.parley.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event for one endpoint, written in the transaction of the change that caused it and sent by the webhook
 * dispatcher until it succeeds or is given up.
 *
 * @param id             store-assigned id
 * @param endpointId     the endpoint
 * @param messageId      the {@code webhook-id} header, the same across retries
 * @param type           the event type
 * @param payload        the body sent, JSON {@code {"type", "timestamp", "data"}}
 * @param status         pending, sent or failed
 * @param attempts       attempts made so far
 * @param createdAt      when the event happened
 * @param nextAttemptAt  not to be sent before this time
 * @param claimedBy      the dispatcher holding it, if any
 * @param claimedUntil   the claim's lease
 * @param lastStatusCode the HTTP status of the last attempt, null when none or no answer
 */
public record WebhookDelivery(
        long id,
        long endpointId,
        String messageId,
        WebhookEventType type,
        String payload,
        OutboxStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        @Nullable Integer lastStatusCode) {

    /** A new pending delivery, due now. */
    public static WebhookDelivery pending(long endpointId, String messageId, WebhookEventType type, String payload,
            Instant now) {
        return new WebhookDelivery(0, endpointId, messageId, type, payload, OutboxStatus.PENDING, 0, now, now, null,
                null, null);
    }

    /** This delivery with the store-assigned id. */
    public WebhookDelivery withId(long newId) {
        return new WebhookDelivery(newId, endpointId, messageId, type, payload, status, attempts, createdAt,
                nextAttemptAt, claimedBy, claimedUntil, lastStatusCode);
    }
}
