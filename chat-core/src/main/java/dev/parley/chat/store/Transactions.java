package dev.parley.chat.store;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes are stored, or none when it throws. */
public interface Transactions {

    /** Runs the work in a transaction; a nested call joins the outer transaction. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs the action once the current transaction has committed, or at once when no transaction is open on this
     * thread; drops it when the transaction rolls back. The core publishes its change events this way, so that a
     * host calling a service inside an enclosing transaction is not told about changes that are later rolled back.
     * The default runs the action at once: a store whose transactions can be nested must override it.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /** Runs the work in a transaction. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
