package dev.parley.chat.store.memory;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.store.OutboxRecords;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

final class MemoryOutbox implements OutboxRecords {

    private final MemoryTransactions tx;
    private final MemoryChats chats;
    private final Map<Long, OutboxItem> byId = new TreeMap<>();
    private long nextId = 1;

    MemoryOutbox(MemoryTransactions tx, MemoryChats chats) {
        this.tx = tx;
        this.chats = chats;
    }

    @Override
    public OutboxItem insert(OutboxItem item) {
        return tx.inTransaction(() -> {
            OutboxItem stored = item.withId(nextId++);
            tx.put(byId, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public Optional<OutboxItem> findUnclaimed(String dedupKey) {
        return tx.read(() -> byId.values().stream()
                .filter(i -> dedupKey.equals(i.dedupKey()) && isUnclaimed(i))
                .findFirst());
    }

    @Override
    public long countByKeySince(String dedupKey, Instant since) {
        return tx.read(() -> byId.values().stream()
                .filter(i -> dedupKey.equals(i.dedupKey()) && !i.createdAt().isBefore(since))
                .count());
    }

    private static boolean isUnclaimed(OutboxItem i) {
        return i.status() == OutboxStatus.PENDING && i.claimedBy() == null && i.attempts() == 0;
    }

    @Override
    public boolean replacePayloadIfUnclaimed(long id, String payload) {
        return tx.inTransaction(() -> {
            OutboxItem i = byId.get(id);
            if (i == null || !isUnclaimed(i)) {
                return false;
            }
            tx.put(byId, id, copy(i, i.status(), payload, i.attempts(), i.nextAttemptAt(), i.claimedBy(),
                    i.claimedUntil(), i.lastError()));
            return true;
        });
    }

    @Override
    public List<OutboxItem> claim(String owner, Instant now, Instant leaseUntil, int max) {
        return tx.inTransaction(() -> {
            List<OutboxItem> due = byId.values().stream()
                    .filter(i -> i.status() == OutboxStatus.PENDING && !i.nextAttemptAt().isAfter(now))
                    .filter(i -> i.claimedUntil() == null || i.claimedUntil().isBefore(now))
                    .sorted(Comparator.comparing(OutboxItem::nextAttemptAt).thenComparingLong(OutboxItem::id))
                    .limit(max)
                    .toList();
            return due.stream().map(i -> {
                OutboxItem claimed = copy(i, i.status(), i.payload(), i.attempts(), i.nextAttemptAt(), owner,
                        leaseUntil, i.lastError());
                tx.put(byId, i.id(), claimed);
                return claimed;
            }).toList();
        });
    }

    @Override
    public int markDelivered(String owner, List<Delivered> delivered, Instant at) {
        return tx.inTransaction(() -> {
            int sent = 0;
            for (Delivered d : delivered) {
                OutboxItem i = byId.get(d.id());
                if (i == null || i.status() != OutboxStatus.PENDING || !owner.equals(i.claimedBy())) {
                    continue;
                }
                tx.put(byId, i.id(), copy(i, OutboxStatus.SENT, i.payload(), i.attempts() + 1, i.nextAttemptAt(),
                        null, null, null));
                sent++;
                if (d.flag() != null) {
                    chats.flag(d.chatId(), d.flag());
                }
            }
            return sent;
        });
    }

    @Override
    public void markRetry(long id, int attempts, Instant nextAttemptAt, String error) {
        change(id, i -> copy(i, OutboxStatus.PENDING, i.payload(), attempts, nextAttemptAt, null, null, error));
    }

    @Override
    public void markFailed(long id, int attempts, String error) {
        change(id, i -> copy(i, OutboxStatus.FAILED, i.payload(), attempts, i.nextAttemptAt(), null, null, error));
    }

    @Override
    public int release(String owner) {
        return tx.inTransaction(() -> {
            List<OutboxItem> owned = byId.values().stream()
                    .filter(i -> i.status() == OutboxStatus.PENDING && owner.equals(i.claimedBy()))
                    .toList();
            owned.forEach(i -> tx.put(byId, i.id(), copy(i, i.status(), i.payload(), i.attempts(),
                    i.nextAttemptAt(), null, null, i.lastError())));
            return owned.size();
        });
    }

    @Override
    public Map<OutboxStatus, Long> countByStatus() {
        return tx.read(() -> {
            Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
            for (OutboxStatus s : OutboxStatus.values()) {
                counts.put(s, 0L);
            }
            byId.values().forEach(i -> counts.merge(i.status(), 1L, Long::sum));
            return counts;
        });
    }

    @Override
    public List<OutboxItem> list(OutboxStatus status, int limit) {
        return tx.read(() -> byId.values().stream().filter(i -> i.status() == status).limit(limit).toList());
    }

    @Override
    public Optional<Instant> oldestPendingDue() {
        return tx.read(() -> byId.values().stream()
                .filter(i -> i.status() == OutboxStatus.PENDING)
                .map(OutboxItem::nextAttemptAt)
                .min(Comparator.naturalOrder()));
    }

    private void change(long id, UnaryOperator<OutboxItem> f) {
        tx.run(() -> {
            OutboxItem i = byId.get(id);
            if (i != null) {
                tx.put(byId, id, f.apply(i));
            }
        });
    }

    private static OutboxItem copy(OutboxItem i, OutboxStatus status, String payload, int attempts,
            Instant nextAttemptAt, @Nullable String claimedBy, @Nullable Instant claimedUntil,
            @Nullable String lastError) {
        return new OutboxItem(i.id(), i.kind(), i.dedupKey(), payload, status, attempts, i.createdAt(),
                nextAttemptAt, claimedBy, claimedUntil, lastError);
    }
}
