package dev.parley.chat.spring.sse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The last events, numbered 1, 2, 3, …; answers what followed a sequence number while it is still kept. */
final class ReplayBuffer {

    private final int capacity;
    private final Deque<StreamEvent> events = new ArrayDeque<>();
    private long last;

    ReplayBuffer(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /** Numbers the event and keeps it, forgetting the oldest beyond the capacity. */
    StreamEvent append(StreamEvent unnumbered) {
        StreamEvent e = new StreamEvent(++last, unnumbered.chatId(), unnumbered.admin(), unnumbered.visitor());
        events.addLast(e);
        while (events.size() > capacity) {
            events.removeFirst();
        }
        return e;
    }

    /** The sequence number of the newest event (0 before the first). */
    long last() {
        return last;
    }

    /** Every kept event after {@code seq}, or empty when some of them are no longer kept or never existed. */
    Optional<List<StreamEvent>> after(long seq) {
        long oldest = events.isEmpty() ? last + 1 : events.peekFirst().seq();
        if (seq < 0 || seq > last || seq < oldest - 1) {
            return Optional.empty();
        }
        return Optional.of(events.stream().filter(e -> e.seq() > seq).collect(Collectors.toList()));
    }
}
