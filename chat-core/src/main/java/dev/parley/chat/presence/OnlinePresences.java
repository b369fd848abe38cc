package dev.parley.chat.presence;

import dev.parley.chat.AdminPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The online presences as read from the store at most a TTL ago (by the clock the caller passes), for the question
 * asked on every visitor message. {@link #invalidate()} forgets the copy; a read that an invalidation overtook is
 * answered once but not kept, so a committed heartbeat is never hidden behind an older read.
 */
final class OnlinePresences {

    private final Duration ttl;
    private final Function<Instant, List<AdminPresence>> read;
    private final Object lock = new Object();
    private long generation;
    private @Nullable Snapshot snapshot;

    private record Snapshot(Instant readAt, List<AdminPresence> presences) {}

    /** @param read reads the presences online at the given instant from the store */
    OnlinePresences(Duration ttl, Function<Instant, List<AdminPresence>> read) {
        this.ttl = ttl;
        this.read = read;
    }

    /** The presences read at most the TTL before {@code now}, reading them again when the copy is older. */
    List<AdminPresence> at(Instant now) {
        long readGeneration;
        synchronized (lock) {
            Snapshot s = snapshot;
            if (s != null && !now.isBefore(s.readAt()) && now.isBefore(s.readAt().plus(ttl))) {
                return s.presences();
            }
            readGeneration = generation;
        }
        List<AdminPresence> fresh = List.copyOf(read.apply(now));
        synchronized (lock) {
            if (generation == readGeneration) {
                snapshot = new Snapshot(now, fresh);
            }
        }
        return fresh;
    }

    /** Forgets the copy: the next {@link #at} reads the store. */
    void invalidate() {
        synchronized (lock) {
            generation++;
            snapshot = null;
        }
    }
}
