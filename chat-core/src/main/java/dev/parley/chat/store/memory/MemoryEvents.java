package dev.parley.chat.store.memory;

import dev.parley.chat.store.EventRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log in memory. Transactions are serialised by one lock, so ids are handed out in commit order and a
 * rolled-back transaction gives its ids back: {@link #after} needs no horizon. Besides {@link #trim}, it keeps at most
 * {@link #MAX_KEPT} events (the oldest go first), so that a host that never trims does not run out of memory.
 */
final class MemoryEvents implements EventRecords {

    /** The most events kept. */
    static final int MAX_KEPT = 100_000;

    private final MemoryTransactions tx;
    /** Oldest first; guarded by the transaction lock. */
    private final List<Logged> log = new ArrayList<>();
    private long lastId;

    MemoryEvents(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(List<Draft> events) {
        tx.run(() -> {
            for (Draft d : events) {
                long before = lastId;
                log.add(new Logged(++lastId, d.chatId(), d.createdAt(), d.payload()));
                tx.remember(() -> {
                    log.remove(log.size() - 1);
                    lastId = before;
                });
            }
            if (log.size() > MAX_KEPT) {
                List<Logged> dropped = new ArrayList<>(log.subList(0, log.size() - MAX_KEPT));
                log.subList(0, dropped.size()).clear();
                tx.remember(() -> log.addAll(0, dropped));
            }
        });
    }

    @Override
    public List<Logged> after(long afterId, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_BATCH + ": " + limit);
        }
        return tx.read(() -> {
            int from = firstAbove(afterId);
            return List.copyOf(log.subList(from, Math.min(log.size(), from + limit)));
        });
    }

    /** The index of the first event with an id above {@code id} (binary search: ids increase). */
    private int firstAbove(long id) {
        int lo = 0;
        int hi = log.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (log.get(mid).id() <= id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public long head() {
        return tx.read(() -> log.isEmpty() ? 0 : log.get(log.size() - 1).id());
    }

    @Override
    public long oldest() {
        return tx.read(() -> log.isEmpty() ? 0 : log.get(0).id());
    }

    @Override
    public int trim(Instant cutoff) {
        return tx.inTransaction(() -> {
            int n = 0;
            while (n < log.size() - 1 && log.get(n).createdAt().isBefore(cutoff)) {
                n++;
            }
            List<Logged> removed = new ArrayList<>(log.subList(0, n));
            log.subList(0, n).clear();
            tx.remember(() -> log.addAll(0, removed));
            return n;
        });
    }
}
