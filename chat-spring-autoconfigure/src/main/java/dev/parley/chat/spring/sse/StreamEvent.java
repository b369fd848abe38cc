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
     * A named event with its JSON data. It is encoded once, when first written, however many streams it goes to;
     * a frame belongs to one event (its id is that event's).
     */
    static final class Frame {

        private final String name;
        private final Object data;
        private volatile byte @Nullable [] encoded;

        /**
         * @param name the SSE event name
         * @param data the data, written as JSON
         */
        Frame(String name, Object data) {
            this.name = name;
            this.data = data;
        }

        String name() {
            return name;
        }

        Object data() {
            return data;
        }

        /** The frame as UTF-8 bytes with the event's id; two threads may both encode it first, alike. */
        byte[] encoded(String id) {
            byte[] bytes = encoded;
            if (bytes == null) {
                bytes = SseFrames.json(id, name, data);
                encoded = bytes;
            }
            return bytes;
        }
    }
}
