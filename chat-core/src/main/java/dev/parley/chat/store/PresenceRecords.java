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

    /** Presences marked online and seen after {@code seenAfter}. */
    List<AdminPresence> onlineSeenAfter(Instant seenAfter);
}
