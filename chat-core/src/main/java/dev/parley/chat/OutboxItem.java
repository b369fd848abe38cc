package dev.parley.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification waiting in the outbox, written in the same transaction as the change that caused it.
 *
 * @param id            store-assigned id
 * @param kind          the notification's kind, see {@link NotificationCodec}
 * @param dedupKey      a key that later changes append to while the item is unclaimed (e.g. {@code offline:42})
 * @param payload       the notification as JSON
 * @param status        pending, sent or failed
 * @param attempts      delivery attempts made so far
 * @param createdAt     when it was written
 * @param nextAttemptAt not to be delivered before this time
 * @param claimedBy     the dispatcher holding it, if any
 * @param claimedUntil  the claim's lease; after it another dispatcher may take the item
 * @param lastError     the last delivery error, if any
 */
public record OutboxItem(
        long id,
        String kind,
        @Nullable String dedupKey,
        String payload,
        OutboxStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        @Nullable String lastError) {

    /** A new pending item. */
    public static OutboxItem pending(String kind, @Nullable String dedupKey, String payload, Instant now,
            Instant due) {
        return new OutboxItem(0, kind, dedupKey, payload, OutboxStatus.PENDING, 0, now, due, null, null, null);
    }

    /** This item with the store-assigned id. */
    public OutboxItem withId(long newId) {
        return new OutboxItem(newId, kind, dedupKey, payload, status, attempts, createdAt, nextAttemptAt, claimedBy,
                claimedUntil, lastError);
    }
}
