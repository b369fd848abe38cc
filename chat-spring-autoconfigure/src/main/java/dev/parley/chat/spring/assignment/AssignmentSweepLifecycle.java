package dev.parley.chat.spring.assignment;

import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.assignment.Sweep;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link AssignmentService#sweep()} every interval on a daemon thread once the web server runs, and stops
 * before it drains its requests (the phase of the notification dispatcher). A failed sweep is logged; the next one
 * tries again.
 */
final class AssignmentSweepLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AssignmentSweepLifecycle.class);

    private final AssignmentService assignment;
    private final Duration interval;
    private final boolean enabled;
    private @Nullable ScheduledExecutorService timer;

    AssignmentSweepLifecycle(AssignmentService assignment, Duration interval, boolean enabled) {
        this.assignment = assignment;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            log.info("Parley's assignment sweep is off on this node (parley.assignment.sweep=false)");
            timer = null;
            return;
        }
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parley-assignment-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        t.scheduleWithFixedDelay(this::sweepOnce, millis, millis, TimeUnit.MILLISECONDS);
        timer = t;
    }

    private void sweepOnce() {
        try {
            Sweep s = assignment.sweep();
            if (s.returned() > 0 || s.assigned() > 0) {
                log.info("Assignment sweep: {} chats back in the queue, {} assigned", s.returned(), s.assigned());
            }
        } catch (RuntimeException e) {
            log.warn("Assignment sweep failed; the next one tries again", e);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdown();
            try {
                if (!t.awaitTermination(10, TimeUnit.SECONDS)) {
                    t.shutdownNow();
                }
            } catch (InterruptedException e) {
                t.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
