package dev.parley.chat.spring.sse;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.EventRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a reconnecting client missed from the event log, which every node shares: so a client resumes on any
 * node, after a restart too. A client gets {@code resync} instead when its last id is not in the log's range (older
 * than the retention, or not an id of this log) or when it missed more than its buffer holds.
 */
final class LogReplay {

    private static final Logger log = LoggerFactory.getLogger(LogReplay.class);
    /** The most events read for one client before it is told to reload instead. */
    private static final int MAX_SCAN = 20 * EventRecords.MAX_BATCH;

    private final EventRecords events;
    private final StreamEvents views;
    private final EventCodec codec = new EventCodec();
    private final int maxFrames;

    LogReplay(EventRecords events, StreamEvents views, int maxFrames) {
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
            List<EventRecords.Logged> page = events.after(cursor, EventRecords.MAX_BATCH);
            for (EventRecords.Logged l : page) {
                StreamEvent e = map(l);
                if (e != null && audience.frameOf(e) != null) {
                    seen.add(e);
                    if (seen.size() >= maxFrames) {
                        return Optional.empty();
                    }
                }
            }
            if (page.isEmpty()) {
                break;
            }
            cursor = page.get(page.size() - 1).id();
            scanned += page.size();
            if (scanned >= MAX_SCAN) {
                return Optional.empty();
            }
            if (page.size() < EventRecords.MAX_BATCH) {
                break;
            }
        }
        if (lastId < events.oldest()) {
            return Optional.empty();
        }
        return Optional.of(new Replayed(seen, cursor));
    }

    private @Nullable StreamEvent map(EventRecords.Logged l) {
        try {
            ChatEvent event = codec.decode(l.payload());
            return views.map(l.id(), event);
        } catch (RuntimeException e) {
            log.warn("Skipping event {} of the log, which this version cannot read", l.id(), e);
            return null;
        }
    }
}
