package dev.parley.chat.spring.sse;

import org.jspecify.annotations.Nullable;

/**
 * One event of the streams, with what admins and what the chat's visitor see of it (either may be absent).
 *
 * @param seq     the sequence number, increasing
 * @param chatId  the chat it is about (0 for presence)
 * @param admin   the admin stream's frame
 * @param visitor the visitor stream's frame
 */
record StreamEvent(long seq, long chatId, @Nullable Frame admin, @Nullable Frame visitor) {

    /**
     * A named event with its JSON data.
     *
     * @param name the SSE event name
     * @param data the data, written as JSON
     */
    record Frame(String name, Object data) {}
}
