package dev.parley.chat.jpa.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema lock on H2: the one row of {@code <prefix>schema_lock}. H2 commits DDL at once, so a transaction lock
 * would not last through a migration; whoever inserts the row migrates, the others wait until it is gone. A row older
 * than {@link #STALE_AFTER} is left from a node that died and is taken over.
 */
final class H2Lock {

    static final Duration STALE_AFTER = Duration.ofMinutes(5);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(H2Lock.class);

    private final String table;
    private final String owner = UUID.randomUUID().toString();

    H2Lock(String prefix) {
        this.table = prefix + "schema_lock";
    }

    String tableSql() {
        return "CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER NOT NULL, locked_by VARCHAR(64) NOT NULL, "
                + "locked_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT " + table + "_pk PRIMARY KEY (id))";
    }

    /** Takes the lock, waiting while another node holds it. Call with auto-commit on. */
    void acquire(Connection c) throws SQLException {
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        long waitMillis = 50;
        while (true) {
            if (tryInsert(c)) {
                return;
            }
            if (deleteIfStale(c)) {
                log.warn("Took over a stale Parley schema lock in {} (older than {})", table, STALE_AFTER);
                continue;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new SQLException("another node has held the Parley schema lock in " + table + " for over "
                        + GIVE_UP_AFTER + "; delete its row if no migration is running");
            }
            pause(waitMillis);
            waitMillis = Math.min(waitMillis * 2, 1_000);
        }
    }

    private boolean tryInsert(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + table + " (id, locked_by, locked_at) VALUES (1, ?, CURRENT_TIMESTAMP)")) {
            s.setString(1, owner);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private boolean deleteIfStale(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT locked_at FROM " + table + " WHERE id = 1")) {
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Instant lockedAt = rs.getObject(1, OffsetDateTime.class).toInstant();
                if (lockedAt.plus(STALE_AFTER).isAfter(Instant.now())) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id = 1 AND locked_at < ?")) {
            s.setObject(1, OffsetDateTime.now().minus(STALE_AFTER));
            return s.executeUpdate() > 0;
        }
    }

    /** Gives the lock back. */
    void release(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id = 1 AND locked_by = ?")) {
            s.setString(1, owner);
            s.executeUpdate();
        }
    }

    private static void pause(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the Parley schema lock", e);
        }
    }
}
