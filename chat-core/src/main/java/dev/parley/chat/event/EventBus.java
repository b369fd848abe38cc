package dev.parley.chat.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands stored changes to listeners; a failing listener is logged and does not stop the others. */
public final class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final List<ChatEventListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener. */
    public void subscribe(ChatEventListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void unsubscribe(ChatEventListener listener) {
        listeners.remove(listener);
    }

    /** Publishes the events, in order, to every listener. */
    public void publish(List<? extends ChatEvent> events) {
        for (ChatEvent event : events) {
            for (ChatEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("Listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
