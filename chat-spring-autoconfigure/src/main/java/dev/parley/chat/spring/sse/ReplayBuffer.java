package dev.parley.chat.spring.sse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last events this node delivered, by their log ids (increasing, with gaps), in a ring: answers what followed an
 * id while that is still kept, so most reconnections resume without reading the log. It knows nothing before the
 * feed started ({@link #startAt}) or before the newest event it forgot. Not thread-safe: the hub guards it.
 */
final class ReplayBuffer {

    private final StreamEvent[] ring;
    /** How many are kept, and where the oldest is. */
    private int size;
    private int head;
    /** Every event with an id above the floor, up to {@link #last}, is kept; nothing is known before it starts. */
    private long floor = Long.MAX_VALUE;
    private long last;
    private boolean started;

    ReplayBuffer(int capacity) {
        this.ring = new StreamEvent[Math.max(1, capacity)];
    }

    /** Marks where the events start: the first one appended follows {@code position}. */
    void startAt(long position) {
        if (!started) {
            started = true;
            floor = position;
            last = Math.max(last, position);
        }
    }

    boolean started() {
        return started;
    }

    /** Keeps the event (its id above every kept one), forgetting the oldest beyond the capacity. */
    void append(StreamEvent e) {
        if (e.seq() <= last) {
            throw new IllegalArgumentException("event " + e.seq() + " does not follow " + last);
        }
        if (size == ring.length) {
            floor = ring[head].seq();
            head = (head + 1) % ring.length;
            size--;
        }
        ring[(head + size) % ring.length] = e;
        size++;
        last = e.seq();
    }

    /** The id of the newest event delivered (the start position before the first, 0 before the start). */
    long last() {
        return last;
    }

    /** Whether every event after {@code id} up to {@link #last} is kept. */
    boolean covers(long id) {
        return started && id >= floor;
    }

    /** Every kept event after {@code id}, oldest first; empty when some of them are no longer (or not yet) kept. */
    Optional<List<StreamEvent>> after(long id) {
        if (!covers(id)) {
            return Optional.empty();
        }
        List<StreamEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StreamEvent e = ring[(head + i) % ring.length];
            if (e.seq() > id) {
                events.add(e);
            }
        }
        return Optional.of(events);
    }
}
