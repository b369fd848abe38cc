package dev.parley.chat;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An admin's presence, one per admin.
 *
 * @param userId     the admin's id (unique)
 * @param online     whether the admin said they are online
 * @param lastSeenAt the last heartbeat
 * @param socketId   the admin's connection id, if any
 * @param department the department the admin serves now; null for all
 */
public record AdminPresence(
        String userId,
        boolean online,
        Instant lastSeenAt,
        @Nullable String socketId,
        @Nullable String department) {

    /** Whether this admin counts as online at {@code now}: online and seen within the timeout. */
    public boolean isOnlineAt(Instant now, Duration heartbeatTimeout) {
        return online && Duration.between(lastSeenAt, now).compareTo(heartbeatTimeout) < 0;
    }

    /** Whether this admin serves the department now. */
    public boolean serves(String slug) {
        return department == null || department.equals(slug);
    }
}
