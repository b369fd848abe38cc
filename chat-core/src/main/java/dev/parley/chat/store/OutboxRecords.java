package dev.parley.chat.store;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The notification outbox. Claims are exclusive: an item claimed by one dispatcher is not handed to another. */
public interface OutboxRecords {

    /** Stores a new item (its id is ignored) and answers it with the assigned id. */
    OutboxItem insert(OutboxItem item);

    /** The pending item with this dedup key that no dispatcher has claimed or tried yet, if any. */
    Optional<OutboxItem> findUnclaimed(String dedupKey);

    /**
     * Replaces the payload of an item that is still pending, unclaimed and untried; answers false (changing
     * nothing) when a dispatcher took it meanwhile.
     */
    boolean replacePayloadIfUnclaimed(long id, String payload);

    /**
     * Claims up to {@code max} pending items due at {@code now} ({@code nextAttemptAt <= now}) whose claim is absent
     * or expired ({@code claimedUntil < now}), oldest due first (then lowest id), for the owner until
     * {@code leaseUntil}. Concurrent claimers never get the same item.
     */
    List<OutboxItem> claim(String owner, Instant now, Instant leaseUntil, int max);

    /**
     * Completes a batch of delivered items in one transaction: each item the owner still claims is marked sent (its
     * attempt counted, its claim cleared) and its chat gets the item's flag. Items the owner no longer claims (released, completed, or
     * retaken by another dispatcher after the lease ran out) and unknown ids are left alone, and so are their chats;
     * a chat that no longer exists is skipped. Answers how many items were marked sent. Setting a flag must neither
     * undo a concurrent change of the chat nor be undone by one.
     */
    int markDelivered(String owner, List<Delivered> delivered, Instant at);

    /**
     * Puts a claimed item back as pending, after a failed attempt, for another try at {@code nextAttemptAt}; clears
     * its claim so that any dispatcher may take it when it is due.
     */
    void markRetry(long id, int attempts, Instant nextAttemptAt, String error);

    /** Marks a claimed item failed for good, clearing its claim. */
    void markFailed(long id, int attempts, String error);

    /** Releases the owner's claims without counting an attempt (for a graceful shutdown). */
    int release(String owner);

    /** The number of items in each status (every status present). */
    Map<OutboxStatus, Long> countByStatus();

    /** Items in this status, oldest first (by id), at most {@code limit}. */
    List<OutboxItem> list(OutboxStatus status, int limit);

    /** The due time of the oldest pending item, if any (for the outbox lag). */
    Optional<Instant> oldestPendingDue();

    /** The number of items of any status with this dedup key written at or after {@code since} (for send caps). */
    long countByKeySince(String dedupKey, Instant since);

    /**
     * A claimed item whose notification reached the port.
     *
     * @param id     the outbox item
     * @param chatId the chat the notification was about
     * @param flag   the chat's flag that records the delivery, or null when the notification's kind has none
     */
    record Delivered(long id, long chatId, @Nullable ChatFlag flag) {}

    /** A flag of a chat that records a delivered notification. */
    enum ChatFlag {
        /** {@link dev.parley.chat.Chat#emailNotificationSent()}: admins were emailed about the new chat. */
        EMAIL_NOTIFICATION_SENT,
        /** {@link dev.parley.chat.Chat#offlineNotificationSent()}: admins were emailed the offline messages. */
        OFFLINE_NOTIFICATION_SENT
    }
}
