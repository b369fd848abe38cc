package dev.parley.chat.spring.cluster;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes the nodes up through PostgreSQL's LISTEN/NOTIFY; the log stays the truth, a notification only says "read
 * it". One thread holds a dedicated connection (not from the pool) that LISTENs, waits for notifications a bounded
 * time, checks the connection when idle, and on failure reconnects with a doubling backoff and then wakes the feed to
 * catch up. Another thread announces this node's committed changes with one {@code pg_notify} per burst, through
 * the application's data source, carrying no payload.
 */
public final class PostgresWakeUps implements ChatEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresWakeUps.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final EventLogFeed feed;
    private final @Nullable DataSource dataSource;
    private final @Nullable ListenTarget target;
    private final ParleyClusterProperties properties;
    private final Object announce = new Object();
    /** Guarded by announce. */
    private boolean pending;
    private volatile boolean running;
    private volatile @Nullable Connection listening;
    private volatile @Nullable Thread listener;
    private volatile @Nullable Thread announcer;

    /**
     * @param dataSource the application's data source, through which this node's changes are announced
     * @param target     where the listening connection goes; null when the store is not on PostgreSQL, and then
     *                   this does nothing
     */
    public PostgresWakeUps(EventLogFeed feed, @Nullable DataSource dataSource, @Nullable ListenTarget target,
            ParleyClusterProperties properties) {
        this.feed = feed;
        this.dataSource = dataSource;
        this.target = target;
        this.properties = properties;
    }

    /** A change of this node was committed: tell the other nodes. */
    @Override
    public void onEvent(ChatEvent event) {
        if (target == null) {
            return;
        }
        synchronized (announce) {
            pending = true;
            announce.notifyAll();
        }
    }

    private void announceLoop() {
        while (running) {
            try {
                synchronized (announce) {
                    while (!pending && running) {
                        announce.wait();
                    }
                    pending = false;
                }
                if (running) {
                    notifyOthers();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                log.debug("Announcing committed events failed; the other nodes poll", e);
            }
        }
    }

    private void notifyOthers() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            return;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, '')")) {
            s.setString(1, properties.channel());
            s.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private void listenLoop(ListenTarget target) {
        long backoff = properties.reconnectBackoff().toMillis();
        boolean lost = false;
        while (running) {
            try (Connection c = target.connect()) {
                listening = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + properties.channel());
                }
                if (lost) {
                    log.info("Listening for other nodes' events again on {}", properties.channel());
                }
                lost = false;
                backoff = properties.reconnectBackoff().toMillis();
                feed.wake();
                listen(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    log.warn("The event listener connection failed ({}); reconnecting, the node polls meanwhile",
                            e.getMessage());
                }
                lost = true;
            } finally {
                listening = null;
            }
            if (!sleep(backoff)) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    /** Waits for notifications a bounded time each, checking the connection when none came; returns on failure. */
    private void listen(PGConnection pg, Connection c) throws SQLException {
        int wait = (int) Math.min(Integer.MAX_VALUE, properties.listenWait().toMillis());
        while (running) {
            PGNotification[] got = pg.getNotifications(wait);
            if (got != null && got.length > 0) {
                feed.wake();
            } else if (!c.isValid((int) Math.max(1, TimeUnit.MILLISECONDS.toSeconds(wait)))) {
                throw new SQLException("the listener connection is no longer valid");
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        ListenTarget t = target;
        if (t == null) {
            return;
        }
        log.info("Listening for other nodes' events on {} (channel {})", t.safeUrl(), properties.channel());
        running = true;
        Thread l = new Thread(() -> listenLoop(t), "parley-event-listen");
        Thread a = new Thread(this::announceLoop, "parley-event-notify");
        l.setDaemon(true);
        a.setDaemon(true);
        listener = l;
        announcer = a;
        l.start();
        a.start();
    }

    @Override
    public void stop() {
        running = false;
        // the listener notices within parley.cluster.listen-wait and closes its connection itself
        for (Thread t : new Thread[] {listener, announcer}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(properties.listenWait().toMillis() + TimeUnit.SECONDS.toMillis(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        listener = null;
        announcer = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** Whether the listening connection is open now (for health and tests). */
    public boolean listening() {
        return listening != null;
    }
}
