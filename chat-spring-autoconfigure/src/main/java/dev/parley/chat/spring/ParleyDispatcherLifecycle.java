package dev.parley.chat.spring;

import dev.parley.chat.notification.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the notification dispatcher with the application context and stops it on shutdown, after the web server
 * has stopped taking requests; stopping lets a running pass finish and releases claimed notifications.
 */
final class ParleyDispatcherLifecycle implements SmartLifecycle {

    /** Starts before and stops after the web server (which uses {@code DEFAULT_PHASE - 2048}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(ParleyDispatcherLifecycle.class);

    private final Outbox outbox;
    private final boolean enabled;
    private volatile boolean running;

    ParleyDispatcherLifecycle(Outbox outbox, boolean enabled) {
        this.outbox = outbox;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (enabled) {
            outbox.start();
        } else {
            log.info("Parley's notification dispatcher is off on this node (parley.outbox.enabled=false)");
        }
        running = true;
    }

    @Override
    public void stop() {
        if (enabled) {
            outbox.close();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
