package dev.parley.chat.presence;

import org.jspecify.annotations.Nullable;

/**
 * What an admin's dashboard sends every 30 seconds.
 *
 * @param online     false to go offline
 * @param department the department served now; null for all
 * @param socketId   the connection id, if any
 */
public record Heartbeat(boolean online, @Nullable String department, @Nullable String socketId) {

    /** An online heartbeat for all departments. */
    public static Heartbeat onlineForAll() {
        return new Heartbeat(true, null, null);
    }
}
