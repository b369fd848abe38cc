package dev.parley.chat.spring.cluster;

import dev.parley.Parley;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.EventRecords;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log read from any position, decoded: what a reconnecting client missed, whichever node served it before.
 * Events this version cannot read are skipped.
 */
public final class EventHistory {

    private static final Logger log = LoggerFactory.getLogger(EventHistory.class);

    private final EventRecords events;
    private final EventCodec codec = new EventCodec();

    /** The history of the store's log. */
    public EventHistory(EventRecords events) {
        this.events = events;
    }

    /** The history of Parley's store. */
    public static EventHistory of(Parley parley) {
        return new EventHistory(parley.store().events());
    }

    /** The id of the newest event readable now, 0 when none. */
    public long head() {
        return events.head();
    }

    /** The smallest id still kept: a client whose last id is below it may have missed trimmed events. */
    public long oldest() {
        return events.oldest();
    }

    /**
     * Up to {@code limit} (at most 1000) events after {@code afterId}, in order.
     *
     * @return the events and the id of the last one read (or {@code afterId} when none)
     */
    public Page after(long afterId, int limit) {
        List<EventRecords.Logged> read = events.after(afterId, limit);
        List<EventLogFeed.Entry> entries = new ArrayList<>(read.size());
        for (EventRecords.Logged l : read) {
            try {
                entries.add(new EventLogFeed.Entry(l.id(), codec.decode(l.payload())));
            } catch (RuntimeException e) {
                log.warn("Skipping event {} of the log, which this version cannot read", l.id(), e);
            }
        }
        return new Page(entries, read.isEmpty() ? afterId : read.get(read.size() - 1).id(), read.size());
    }

    /**
     * A page of the log.
     *
     * @param entries the events read (without those this version cannot read)
     * @param lastId  the id of the last event read, or where the page started when it is empty
     * @param read    how many events were read, also those skipped
     */
    public record Page(List<EventLogFeed.Entry> entries, long lastId, int read) {}
}
