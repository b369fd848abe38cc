package dev.parley.chat.spring.sse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last events, numbered 1, 2, 3, …, in a ring; answers what followed a sequence number while it is still kept.
 * Not thread-safe: the hub guards it.
 */
final class ReplayBuffer {

    private final StreamEvent[] ring;
    private long last;

    ReplayBuffer(int capacity) {
        this.ring = new StreamEvent[Math.max(1, capacity)];
    }

    /** Numbers the event and keeps it, forgetting the oldest beyond the capacity. */
    StreamEvent append(StreamEvent unnumbered) {
        StreamEvent e = new StreamEvent(++last, unnumbered.chatId(), unnumbered.admin(), unnumbered.visitor());
        ring[slot(last)] = e;
        return e;
    }

    /** The sequence number of the newest event (0 before the first). */
    long last() {
        return last;
    }

    /** Every kept event after {@code seq}, oldest first, or empty when some of them are no longer kept or never existed. */
    Optional<List<StreamEvent>> after(long seq) {
        long oldest = Math.max(1, last - ring.length + 1);
        if (seq < 0 || seq > last || seq < oldest - 1) {
            return Optional.empty();
        }
        List<StreamEvent> events = new ArrayList<>((int) (last - seq));
        for (long s = seq + 1; s <= last; s++) {
            events.add(ring[slot(s)]);
        }
        return Optional.of(events);
    }

    private int slot(long seq) {
        return (int) (seq % ring.length);
    }
}
