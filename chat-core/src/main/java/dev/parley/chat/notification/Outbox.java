package dev.parley.chat.notification;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.ParleySettings.OutboxSettings;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.OutboxRecords.ChatFlag;
import dev.parley.chat.store.OutboxRecords.Delivered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background: claims due items with a lease, hands each to the {@link NotificationPort},
 * and schedules a retry with exponential backoff for a failed one, or marks it failed after the last attempt; the
 * delivered items of a claimed batch are marked sent, and their chats flagged, together in one transaction. An item
 * whose dispatcher died before that is delivered again once its lease expires (at least once).
 */
public final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final ChatStore store;
    private final NotificationPort port;
    private final Clock clock;
    private final OutboxSettings settings;
    private final String owner;
    private final NotificationCodec codec = new NotificationCodec();
    private final Object passLock = new Object();
    private @Nullable ScheduledExecutorService scheduler;

    /**
     * @param owner a name unique to this dispatcher (e.g. host name and a random suffix), stored with its claims
     */
    public Outbox(ChatStore store, NotificationPort port, Clock clock, OutboxSettings settings, String owner) {
        this.store = store;
        this.port = port;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
    }

    /** This dispatcher's name. */
    public String owner() {
        return owner;
    }

    /** Delivers due items until none is left or a pass delivers less than a batch; answers how many were handled. */
    public int dispatchDue() {
        synchronized (passLock) {
            int handled = 0;
            while (true) {
                Instant now = clock.instant();
                List<OutboxItem> batch = store.outbox().claim(owner, now, now.plus(settings.lease()),
                        settings.batchSize());
                List<Delivered> delivered = new ArrayList<>(batch.size());
                boolean leaseLost = false;
                try {
                    for (int i = 0; i < batch.size() && !leaseLost; i++) {
                        OutboxItem item = batch.get(i);
                        Instant leaseEnd = item.claimedUntil();
                        if (leaseEnd != null && !clock.instant().isBefore(leaseEnd)) {
                            // Our lease ran out mid-batch: another dispatcher may own the rest now.
                            log.warn("Outbox lease of {} expired mid-batch; {} items left for the next claim", owner,
                                    batch.size() - i);
                            leaseLost = true;
                        } else {
                            deliver(item, delivered);
                            handled++;
                        }
                    }
                } catch (RuntimeException e) {
                    try {
                        complete(delivered);
                    } catch (RuntimeException again) {
                        e.addSuppressed(again);
                    }
                    throw e;
                }
                complete(delivered);
                if (leaseLost || batch.size() < settings.batchSize()) {
                    return handled;
                }
            }
        }
    }

    /** Hands the item to the port; adds it to {@code delivered} when that worked, else marks a retry or failure. */
    private void deliver(OutboxItem item, List<Delivered> delivered) {
        int attempt = item.attempts() + 1;
        Notification notification;
        try {
            notification = codec.decode(item.kind(), item.payload());
        } catch (RuntimeException e) {
            store.outbox().markFailed(item.id(), attempt, "unreadable payload: " + e.getMessage());
            log.error("Outbox item {} ({}) cannot be read and is marked failed", item.id(), item.kind(), e);
            return;
        }
        try {
            port.deliver(notification);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempt >= settings.maxAttempts()) {
                store.outbox().markFailed(item.id(), attempt, error);
                log.error("Notification {} for chat {} failed after {} attempts and is given up: {}", item.kind(),
                        notification.chatId(), attempt, error);
            } else {
                Duration wait = settings.backoffAfter(attempt);
                store.outbox().markRetry(item.id(), attempt, clock.instant().plus(wait), error);
                log.warn("Notification {} for chat {} failed (attempt {} of {}), retrying in {}: {}", item.kind(),
                        notification.chatId(), attempt, settings.maxAttempts(), wait, error);
            }
            return;
        }
        delivered.add(new Delivered(item.id(), notification.chatId(), flagOf(notification)));
    }

    private static @Nullable ChatFlag flagOf(Notification notification) {
        if (notification instanceof NewChatNotification) {
            return ChatFlag.EMAIL_NOTIFICATION_SENT;
        }
        if (notification instanceof OfflineMessagesNotification) {
            return ChatFlag.OFFLINE_NOTIFICATION_SENT;
        }
        return null;
    }

    /**
     * Marks the delivered items of a batch sent and flags their chats, in one transaction. Should it fail, or should
     * we crash before, the items are delivered again once their lease expires (at least once).
     */
    private void complete(List<Delivered> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        int sent = store.outbox().markDelivered(owner, delivered, clock.instant());
        if (sent < delivered.size()) {
            log.warn("{} of {} notifications delivered by {} were no longer claimed by it (the lease ran out) and are"
                    + " left to whoever holds them now", delivered.size() - sent, delivered.size(), owner);
        }
        if (log.isDebugEnabled()) {
            delivered.forEach(d -> log.debug("Outbox item {} for chat {} delivered", d.id(), d.chatId()));
        }
    }

    /** Counts per status and the lag of the oldest pending item. */
    public OutboxStats stats() {
        Map<OutboxStatus, Long> counts = store.outbox().countByStatus();
        Instant now = clock.instant();
        Duration lag = store.outbox().oldestPendingDue()
                .filter(due -> due.isBefore(now))
                .map(due -> Duration.between(due, now))
                .orElse(Duration.ZERO);
        return new OutboxStats(counts.getOrDefault(OutboxStatus.PENDING, 0L),
                counts.getOrDefault(OutboxStatus.SENT, 0L), counts.getOrDefault(OutboxStatus.FAILED, 0L), lag);
    }

    /** Items given up after their last attempt, oldest first. */
    public List<OutboxItem> failed(int limit) {
        return store.outbox().list(OutboxStatus.FAILED, limit);
    }

    /** Starts delivering in the background, every poll interval. Calling it twice does nothing. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-outbox");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::safePass, every, every, TimeUnit.MILLISECONDS);
        log.info("Outbox dispatcher {} started (poll every {}, up to {} attempts)", owner, settings.pollInterval(),
                settings.maxAttempts());
    }

    private void safePass() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed; trying again in {}", settings.pollInterval(), e);
        }
    }

    /** Stops the background delivery, lets a running pass finish, and releases any claim left. */
    @Override
    public synchronized void close() {
        ScheduledExecutorService s = scheduler;
        if (s == null) {
            return;
        }
        scheduler = null;
        s.shutdown();
        try {
            if (!s.awaitTermination(30, TimeUnit.SECONDS)) {
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
        int released = store.outbox().release(owner);
        log.info("Outbox dispatcher {} stopped{}", owner, released > 0 ? "; released " + released + " claims" : "");
    }
}
