package dev.parley.chat.store.memory;

import dev.parley.chat.store.Transactions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One lock serialises every transaction; an undo log restores the maps when the outermost transaction throws, and
 * after-commit actions run once the outermost transaction has committed and released the lock. Simple and safe under
 * concurrent use, which is all an in-memory store needs.
 */
final class MemoryTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<@Nullable Deque<Runnable>> undo = new ThreadLocal<>();
    private final ThreadLocal<@Nullable List<Runnable>> afterCommit = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        boolean outer = undo.get() == null;
        if (outer) {
            undo.set(new ArrayDeque<>());
            afterCommit.set(new ArrayList<>());
        }
        List<Runnable> committed = null;
        try {
            T result = work.get();
            if (outer) {
                undo.remove();
                committed = afterCommit.get();
                afterCommit.remove();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outer) {
                Deque<Runnable> log = undo.get();
                undo.remove();
                afterCommit.remove();
                if (log != null) {
                    log.forEach(Runnable::run);
                }
            }
            throw e;
        } finally {
            lock.unlock();
            if (committed != null) {
                committed.forEach(Runnable::run);
            }
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> pending = afterCommit.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    /** Reads under the lock. */
    <T> T read(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Puts a value, remembering how to undo it. Call inside {@link #inTransaction}. */
    <K, V> void put(Map<K, V> map, K key, V value) {
        V old = map.put(key, value);
        remember(() -> {
            if (old == null) {
                map.remove(key);
            } else {
                map.put(key, old);
            }
        });
    }

    /** Removes a value, remembering how to undo it. Call inside {@link #inTransaction}. */
    <K, V> void remove(Map<K, V> map, K key) {
        V old = map.remove(key);
        if (old != null) {
            remember(() -> map.put(key, old));
        }
    }

    /** Registers an undo action for the current transaction. */
    void remember(Runnable undoAction) {
        Deque<Runnable> log = undo.get();
        if (log != null) {
            log.push(undoAction);
        }
    }
}
