package dev.parley.chat.tck;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ChatEventListener} that remembers every event it received. */
public final class RecordingListener implements ChatEventListener {

    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ChatEvent event) {
        events.add(event);
    }

    /** Every event so far, in order. */
    public List<ChatEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one type, in order. */
    public <T extends ChatEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets everything received so far. */
    public void clear() {
        events.clear();
    }
}
