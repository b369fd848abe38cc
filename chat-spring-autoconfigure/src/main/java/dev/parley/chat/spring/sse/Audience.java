package dev.parley.chat.spring.sse;

import org.jspecify.annotations.Nullable;

/**
 * Who a stream is for: admins (every chat and presence) or the visitor of one chat.
 *
 * @param admin  whether this is the admin stream
 * @param chatId the visitor's chat (for visitor streams)
 */
record Audience(boolean admin, long chatId) {

    static Audience admins() {
        return new Audience(true, 0);
    }

    static Audience visitorOf(long chatId) {
        return new Audience(false, chatId);
    }

    /** The frame of the event this audience sees, or null. */
    StreamEvent.@Nullable Frame frameOf(StreamEvent event) {
        if (admin) {
            return event.admin();
        }
        return event.chatId() == chatId ? event.visitor() : null;
    }
}
