package dev.parley.chat.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The event log: every live event, written in the transaction of the change that caused it, with a global id that
 * increases in the order readers must see the events. Every node, cache and reconnecting client reads the same
 * ordered history from it.
 *
 * <p>Ids are not consecutive (gaps are normal). A reader that remembers the last id it read and asks for what
 * follows never misses an event: {@link #after} answers only events that no later commit can precede.
 */
public interface EventRecords {

    /** The most events one call of {@link #after} answers. */
    int MAX_BATCH = 1000;

    /**
     * The message id the events of {@link ChatStore#appendMessage(String, java.util.function.Function,
     * java.util.function.Function)} are made with when the store writes them in the same statement as the message,
     * before it knows the id; the store then replaces every {@code "id":<this number>} in their payloads with the
     * assigned id.
     */
    long MESSAGE_ID_PLACEHOLDER = -7_303_030_303_030_303_031L;

    /**
     * Appends the events, in order, in the current transaction (or one of their own when none is open); they become
     * readable once it commits, and never when it rolls back.
     */
    void append(List<Draft> events);

    /**
     * Up to {@code limit} events with an id above {@code afterId}, in id order; only events that every later
     * {@code after} call answers too, so that no event committed later can have a smaller id than the last one
     * answered here.
     *
     * @param afterId the last id the caller has, 0 for the start of the log
     * @param limit   at most this many, from 1 to {@link #MAX_BATCH}
     */
    List<Logged> after(long afterId, int limit);

    /** The id of the newest event {@link #after} can answer now, 0 when there is none. */
    long head();

    /**
     * The smallest id still kept, 0 when the log is empty. A reader whose last id is below it may have missed
     * events that were trimmed.
     */
    long oldest();

    /**
     * Deletes the events created before {@code cutoff}, oldest first, but never the newest one (so that
     * {@link #oldest()} keeps telling readers what was trimmed). Safe to run on several nodes at once.
     *
     * @return how many were deleted
     */
    int trim(Instant cutoff);

    /**
     * An event to append.
     *
     * @param chatId    the chat it is about, 0 when none (presence, departments)
     * @param createdAt when it happened
     * @param payload   the event, encoded by the core (JSON)
     */
    record Draft(long chatId, Instant createdAt, String payload) {

        /** Checks the fields. */
        public Draft {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * An event read from the log.
     *
     * @param id        its id in the log
     * @param chatId    the chat it is about, 0 when none
     * @param createdAt when it happened
     * @param payload   the event as the core encoded it
     */
    record Logged(long id, long chatId, Instant createdAt, String payload) {

        /** Checks the fields. */
        public Logged {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
