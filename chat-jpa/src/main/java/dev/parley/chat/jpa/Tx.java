package dev.parley.chat.jpa;

import dev.parley.chat.store.ChatContribution;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.jspecify.annotations.Nullable;

/**
 * One transaction of the store: its entity manager, the chats it holds a row lock on, and what to run once it has
 * committed.
 */
final class Tx {

    final EntityManager em;
    private final Set<Long> lockedChats = new HashSet<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final SortedMap<ChatRollups.Key, ChatContribution> pendingRollup = new TreeMap<>();

    Tx(EntityManager em) {
        this.em = em;
    }

    /** The rollup differences of this transaction not yet written, by row key (see {@link ChatRollups}). */
    SortedMap<ChatRollups.Key, ChatContribution> pendingRollup() {
        return pendingRollup;
    }

    /** Remembers an action to run once this transaction has committed. */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** The actions to run now that this transaction has committed. */
    List<Runnable> committed() {
        return List.copyOf(afterCommit);
    }

    /** Whether this transaction locked (or created) the chat. */
    boolean holdsLock(long chatId) {
        return lockedChats.contains(chatId);
    }

    /** Remembers that this transaction locked (or created) the chat. */
    void locked(long chatId) {
        lockedChats.add(chatId);
    }

    /**
     * Drops the managed entities of a type that match from the persistence context, after a bulk or native statement
     * changed their rows behind its back; the next read loads them fresh. Call only after a flush, so that no
     * pending change is dropped with them.
     */
    <E> void evict(Class<E> type, Predicate<E> affected) {
        for (E e : managedOf(type)) {
            if (affected.test(e)) {
                em.detach(e);
            }
        }
    }

    /** A copy of the managed entities of a type (Hibernate 7.2 fails on an empty persistence context). */
    private <E> List<E> managedOf(Class<E> type) {
        if (em.unwrap(SessionImplementor.class).getPersistenceContextInternal().getNumberOfManagedEntities() == 0) {
            return List.of();
        }
        return List.copyOf(em.unwrap(Session.class).getManagedEntities(type));
    }

    /** The managed entity of this type that matches, if the persistence context holds one. */
    <E> @Nullable E managed(Class<E> type, Predicate<E> match) {
        for (E e : managedOf(type)) {
            if (match.test(e)) {
                return e;
            }
        }
        return null;
    }
}
