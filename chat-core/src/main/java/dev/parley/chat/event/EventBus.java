package dev.parley.chat.event;

import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.EventRecords;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records stored changes in the event log and hands them to this node's listeners after commit; a failing listener
 * is logged and does not stop the others.
 */
public final class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final List<ChatEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ChatEventListener> trailing = new CopyOnWriteArrayList<>();
    private final EventCodec codec = new EventCodec();
    private final Clock clock;

    /** A bus stamping events with the system clock. */
    public EventBus() {
        this(Clock.systemUTC());
    }

    /** A bus stamping the events it records with this clock. */
    public EventBus(Clock clock) {
        this.clock = clock;
    }

    /** Adds a listener. */
    public void subscribe(ChatEventListener listener) {
        listeners.add(listener);
    }

    /**
     * Adds a listener that gets each published batch after every other listener got all of it: for a listener whose
     * work publishes further events, which must reach the others after the events that caused them.
     */
    public void subscribeLast(ChatEventListener listener) {
        trailing.add(listener);
    }

    /** Removes a listener. */
    public void unsubscribe(ChatEventListener listener) {
        listeners.remove(listener);
        trailing.remove(listener);
    }

    /**
     * Appends the events to the store's event log in the current transaction (call it inside the transaction of the
     * change) and publishes them to this node's listeners once that has committed.
     */
    public void record(ChatStore store, List<? extends ChatEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<ChatEvent> copy = List.copyOf(events);
        store.events().append(drafts(copy));
        store.transactions().afterCommit(() -> publish(copy));
    }

    /** The events as drafts for the log, stamped now. */
    public List<EventRecords.Draft> drafts(List<? extends ChatEvent> events) {
        return events.stream().map(e -> codec.draft(e, clock.instant())).toList();
    }

    /** Publishes events already in the log to this node's listeners once the current transaction has committed. */
    public void publishAfterCommit(ChatStore store, List<? extends ChatEvent> events) {
        List<ChatEvent> copy = List.copyOf(events);
        store.transactions().afterCommit(() -> publish(copy));
    }

    /**
     * Runs the work in a transaction of the store, then {@linkplain #record records} the events it collected in
     * the list it is given, in the same transaction. The list is emptied when the work runs again.
     */
    public <T> T inTransaction(ChatStore store, Function<List<ChatEvent>, T> work) {
        List<ChatEvent> collected = new ArrayList<>();
        return store.transactions().inTransaction(() -> {
            collected.clear();
            T result = work.apply(collected);
            record(store, collected);
            return result;
        });
    }

    /** Publishes the events, in order, to every listener of this node (without recording them). */
    public void publish(List<? extends ChatEvent> events) {
        deliver(events, listeners);
        deliver(events, trailing);
    }

    private static void deliver(List<? extends ChatEvent> events, List<ChatEventListener> to) {
        for (ChatEvent event : events) {
            for (ChatEventListener listener : to) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("Listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
