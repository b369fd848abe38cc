package dev.parley.chat.spring;

import dev.parley.chat.notification.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the notification dispatcher once the web server runs and stops it first on shutdown, before the web server
 * drains its requests and long before the database goes away: stopping lets a running pass finish and releases
 * claimed notifications. Notifications written while the server drains stay in the outbox for the next start or
 * another node.
 */
final class ParleyDispatcherLifecycle implements SmartLifecycle {

    /**
     * After the web server starts ({@code DEFAULT_PHASE - 2048}) and its graceful shutdown begins
     * ({@code DEFAULT_PHASE - 1024}); lifecycles stop in the reverse order, so the dispatcher stops before both.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

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
        running = false;
        if (!enabled) {
            return;
        }
        try {
            outbox.close();
        } catch (RuntimeException e) {
            // the database may already be gone (an H2 closed by the JVM's exit): the claims then lapse with their lease
            log.warn("Parley's notification dispatcher stopped without releasing its claims ({}); other nodes or the "
                    + "next start take them over when their lease runs out", e.toString());
        }
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
