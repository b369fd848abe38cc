package dev.parley.chat.jpa;

import dev.parley.chat.store.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds one entity manager and its resource-local transaction to the calling thread. The outermost
 * {@link #inTransaction} begins and commits; nested calls join; any exception rolls everything back. Record methods
 * called outside a transaction run in one of their own. After-commit actions run once the outermost transaction has
 * committed (outside it), and are dropped on rollback. Persistence exceptions leave as {@code ParleyException}s.
 */
final class JpaTransactions implements Transactions {

    private static final Logger log = LoggerFactory.getLogger(JpaTransactions.class);

    private final EntityManagerFactory emf;
    private final ThreadLocal<@Nullable Tx> current = new ThreadLocal<>();
    private final Consumer<Tx> beforeCommit;

    /** Transactions on the factory; {@code beforeCommit} runs inside each outermost transaction just before commit. */
    JpaTransactions(EntityManagerFactory emf, Consumer<Tx> beforeCommit) {
        this.emf = emf;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return current.get() != null ? work.get() : runNew(tx -> work.get());
    }

    /** Whether a transaction of this store is open on the calling thread. */
    boolean active() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable action) {
        Tx tx = current.get();
        if (tx == null) {
            action.run();
        } else {
            tx.afterCommit(action);
        }
    }

    /** Runs store work in the current transaction, or in a new one when there is none. */
    <T> T call(Function<Tx, T> work) {
        Tx tx = current.get();
        if (tx == null) {
            return runNew(work);
        }
        try {
            return work.apply(tx);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /** Runs store work that answers nothing. */
    void exec(Consumer<Tx> work) {
        call(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private <T> T runNew(Function<Tx, T> work) {
        EntityManager em;
        try {
            em = emf.createEntityManager();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        Tx tx = new Tx(em);
        current.set(tx);
        EntityTransaction et = em.getTransaction();
        T result;
        try {
            et.begin();
            result = work.apply(tx);
            beforeCommit.accept(tx);
            et.commit();
        } catch (RuntimeException e) {
            rollback(et, e);
            throw Errors.translate(e);
        } catch (Error e) {
            rollback(et, e);
            throw e;
        } finally {
            current.remove();
            try {
                em.close();
            } catch (RuntimeException e) {
                log.warn("Closing an entity manager failed", e);
            }
        }
        tx.committed().forEach(Runnable::run);
        return result;
    }

    private static void rollback(EntityTransaction et, Throwable cause) {
        try {
            if (et.isActive()) {
                et.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
