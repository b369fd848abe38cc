package dev.parley.chat.store;

import dev.parley.chat.AdminPresence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored admin presence, one row per admin. */
public interface PresenceRecords {

    /** Inserts or replaces the presence of {@code presence.userId()}; never creates two rows for one admin. */
    void upsert(AdminPresence presence);

    /** The presence of this admin. */
    Optional<AdminPresence> find(String userId);

    /**
     * The heartbeat of an admin who stays as they were: when the admin's row is online, was seen after
     * {@code seenAfter} and serves the same department as {@code presence} (which is online), replaces its last-seen
     * time and socket id with the heartbeat's and answers true; otherwise changes nothing and answers false. A true
     * answer means the heartbeat changes neither whether the admin is online nor what they serve, so there is no
     * transition to announce; a store may do it in one statement. The default answers false, and the caller then
     * takes the full path (read, decide, {@link #upsert}).
     */
    default boolean refresh(AdminPresence presence, Instant seenAfter) {
        return false;
    }

    /** Presences marked online and seen after {@code seenAfter}. */
    List<AdminPresence> onlineSeenAfter(Instant seenAfter);
}
