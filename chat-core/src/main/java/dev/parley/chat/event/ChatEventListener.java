package dev.parley.chat.event;

/** Receives change events after they are stored. Exceptions are logged and do not affect the change. */
@FunctionalInterface
public interface ChatEventListener {

    /** Called once per event, on the thread that made the change, after its transaction. */
    void onEvent(ChatEvent event);
}
