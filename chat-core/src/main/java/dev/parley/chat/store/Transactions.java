package dev.parley.chat.store;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes are stored, or none when it throws. */
public interface Transactions {

    /** Runs the work in a transaction; a nested call joins the outer transaction. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs the work in a transaction. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
