package dev.parley.chat.spring.sse;

import dev.parley.chat.spring.cluster.EventHistory;
import dev.parley.chat.spring.cluster.EventLogFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Reads what a reconnecting client missed from the event log, which every node shares: so a client resumes on any
 * node, after a restart too. A client gets {@code resync} instead when its last id is not in the log's range (older
 * than the retention, or not an id of this log) or when it missed more than its buffer holds.
 */
final class LogReplay {

    /** The most events read from the log at once. */
    private static final int BATCH = 1000;
    /** The most events read for one client before it is told to reload instead. */
    private static final int MAX_SCAN = 20 * BATCH;

    private final EventHistory events;
    private final StreamEvents views;
    private final int maxFrames;

    LogReplay(EventHistory events, StreamEvents views, int maxFrames) {
        this.events = events;
        this.views = views;
        this.maxFrames = maxFrames;
    }

    /**
     * What was read for a client.
     *
     * @param events the events the audience sees, in order
     * @param upTo   the id read up to: every event up to it that the audience sees is in {@code events}
     */
    record Replayed(List<StreamEvent> events, long upTo) {}

    /**
     * The events after {@code lastId} that the audience sees, read until an id that {@code covered} accepts (the
     * node's own buffer holds the rest) or the log's end; empty when the client must resync.
     */
    Optional<Replayed> read(Audience audience, long lastId, LongPredicate covered) {
        if (lastId > events.head()) {
            return Optional.empty();
        }
        List<StreamEvent> seen = new ArrayList<>();
        long cursor = lastId;
        int scanned = 0;
        while (!covered.test(cursor)) {
            EventHistory.Page page = events.after(cursor, BATCH);
            for (EventLogFeed.Entry entry : page.entries()) {
                StreamEvent e = views.map(entry.id(), entry.event());
                if (e != null && audience.frameOf(e) != null) {
                    seen.add(e);
                    if (seen.size() >= maxFrames) {
                        return Optional.empty();
                    }
                }
            }
            if (page.read() == 0) {
                break;
            }
            cursor = page.lastId();
            scanned += page.read();
            if (scanned >= MAX_SCAN) {
                return Optional.empty();
            }
            if (page.read() < BATCH) {
                break;
            }
        }
        if (lastId < events.oldest()) {
            return Optional.empty();
        }
        return Optional.of(new Replayed(seen, cursor));
    }
}
