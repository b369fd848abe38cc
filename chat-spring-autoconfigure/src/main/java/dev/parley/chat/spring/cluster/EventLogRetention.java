package dev.parley.chat.spring.cluster;

import dev.parley.chat.store.EventRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes the events older than the retention from the log, every trim interval. Every node runs it; two nodes
 * trimming at once delete the same rows once, and the newest event always stays.
 */
public final class EventLogRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventLogRetention.class);

    private final EventRecords events;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private volatile @Nullable ScheduledExecutorService timer;

    /** Trims the log to the retention every interval. */
    public EventLogRetention(EventRecords events, Clock clock, Duration retention, Duration interval) {
        this.events = events;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    /** Deletes the events older than the retention now; answers how many. */
    public int trimNow() {
        int deleted = events.trim(clock.instant().minus(retention));
        if (deleted > 0) {
            log.debug("Deleted {} events older than {} from the event log", deleted, retention);
        }
        return deleted;
    }

    private void trimQuietly() {
        try {
            trimNow();
        } catch (RuntimeException e) {
            log.warn("Trimming the event log failed; trying again in {}", interval, e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parley-event-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMillis();
        t.scheduleWithFixedDelay(this::trimQuietly, every, every, TimeUnit.MILLISECONDS);
        timer = t;
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
