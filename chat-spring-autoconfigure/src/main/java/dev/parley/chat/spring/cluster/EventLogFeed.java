package dev.parley.chat.spring.cluster;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.EventRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This node's reader of the event log: one thread reads the events after the last one it read, in order, and hands
 * them to the subscribers (the event streams, caches). It reads when woken up (a change of this node was committed,
 * or another node's was announced) and at least every poll interval, so that a lost wake-up only delays delivery.
 * It starts at the head of the log: what happened before the node started is for {@code Last-Event-ID} replay.
 */
public final class EventLogFeed implements ChatEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventLogFeed.class);

    /** Receives the events of the log in order, on the feed's thread. */
    public interface Subscriber {

        /** Called once, before any delivery, with the id the feed starts after. */
        void started(long position);

        /** The next events of the log, in id order. */
        void deliver(List<Entry> events);
    }

    /**
     * One event of the log.
     *
     * @param id    its id in the log (the event id of the streams)
     * @param event the change
     */
    public record Entry(long id, ChatEvent event) {}

    private final EventRecords events;
    private final EventCodec codec = new EventCodec();
    private final Duration pollInterval;
    private final int batchSize;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    /** Guarded by signal. */
    private boolean woken;
    private volatile long position = -1;
    private volatile @Nullable Thread reader;

    /** A feed over the store's log. */
    public EventLogFeed(EventRecords events, Duration pollInterval, int batchSize) {
        this.events = events;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    /** Adds a subscriber; call before {@link #start()}. */
    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Asks the feed to read the log now. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** A change of this node was committed: read it. */
    @Override
    public void onEvent(ChatEvent event) {
        wake();
    }

    /** The id of the last event handed to the subscribers, -1 before the feed started. */
    public long position() {
        return position;
    }

    /**
     * Reads and delivers everything the log has after the position now, on the calling thread; the feed's thread
     * does this on every wake-up. Answers how many events were delivered.
     */
    public synchronized int poll() {
        if (position < 0) {
            begin();
        }
        int delivered = 0;
        while (true) {
            List<EventRecords.Logged> page = events.after(position, batchSize);
            if (page.isEmpty()) {
                return delivered;
            }
            List<Entry> entries = new ArrayList<>(page.size());
            for (EventRecords.Logged l : page) {
                try {
                    entries.add(new Entry(l.id(), codec.decode(l.payload())));
                } catch (RuntimeException e) {
                    log.warn("Skipping event {} of the log, which this version cannot read", l.id(), e);
                }
            }
            position = page.get(page.size() - 1).id();
            for (Subscriber s : subscribers) {
                try {
                    s.deliver(entries);
                } catch (RuntimeException e) {
                    log.warn("Subscriber {} failed on {} events", s, entries.size(), e);
                }
            }
            delivered += entries.size();
            if (page.size() < batchSize) {
                return delivered;
            }
        }
    }

    private void begin() {
        long head = events.head();
        for (Subscriber s : subscribers) {
            s.started(head);
        }
        position = head;
        log.debug("Following the event log after id {}", head);
    }

    private void run() {
        long failures = 0;
        while (reader == Thread.currentThread()) {
            try {
                poll();
                if (failures > 0) {
                    log.info("Reading the event log works again");
                    failures = 0;
                }
            } catch (RuntimeException e) {
                if (failures++ == 0) {
                    log.warn("Reading the event log failed; retrying every {}", pollInterval, e);
                }
            }
            try {
                synchronized (signal) {
                    long until = System.nanoTime() + pollInterval.toNanos();
                    while (!woken && reader == Thread.currentThread() && until - System.nanoTime() > 0) {
                        TimeUnit.NANOSECONDS.timedWait(signal, until - System.nanoTime());
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        try {
            // before the web server opens, so that no stream opens before the position it continues from
            poll();
        } catch (RuntimeException e) {
            log.warn("Reading the event log failed; retrying every {}", pollInterval, e);
        }
        Thread t = new Thread(this::run, "parley-event-log");
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = reader;
        reader = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }

    /** Starts before the event streams (which start at the default phase) and stops after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
