package dev.parley.chat.jpa;

import dev.parley.chat.store.EventRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The event log in {@code <prefix>chat_event}. On PostgreSQL an id is the writing transaction's id times 65,536 plus
 * the row's place in that transaction, and readers see only ids below the oldest transaction still running, times
 * 65,536: every such row belongs to a finished transaction, and every row still to come has a larger id. On H2 the
 * ids come from a counter row locked until commit, so they commit in order and readers need no horizon.
 */
final class JpaEvents implements EventRecords {

    /** The ids below this are final: every transaction that could write them has ended. */
    private static final String HORIZON = "(CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT) << 16)";

    private final JpaTransactions tx;
    private final Tables tables;
    private final String table;

    JpaEvents(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
        this.table = tables.chat + "_event";
    }

    /** The SQL that inserts one event on PostgreSQL: parameters created_at, chat_id, payload. */
    static String insertSql(String table) {
        return "INSERT INTO " + table + " (id, xact_id, created_at, chat_id, payload)"
                + " SELECT COALESCE((SELECT MAX(e.id) FROM " + table + " e WHERE e.id > x.base"
                + " AND e.id < x.base + 65536), x.base) + 1, x.xid, ?, ?, ?"
                + " FROM (SELECT pg_current_xact_id() AS xid,"
                + " CAST(CAST(pg_current_xact_id() AS TEXT) AS BIGINT) << 16 AS base) x";
    }

    @Override
    public void append(List<Draft> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.exec(t -> t.em.unwrap(Session.class).doWork(c -> {
            if (tables.postgres()) {
                appendPostgres(c, events);
            } else {
                appendH2(c, events);
            }
        }));
    }

    private void appendPostgres(Connection c, List<Draft> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(insertSql(table))) {
            for (Draft d : events) {
                s.setObject(1, JpaPresence.utc(d.createdAt()));
                s.setLong(2, d.chatId());
                s.setString(3, d.payload());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void appendH2(Connection c, List<Draft> events) throws SQLException {
        long last;
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + "_counter SET last_id = last_id + ?"
                + " WHERE id = 1")) {
            s.setLong(1, events.size());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_id FROM " + table + "_counter WHERE id = 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table
                + " (id, xact_id, created_at, chat_id, payload) VALUES (?, 0, ?, ?, ?)")) {
            long id = last - events.size();
            for (Draft d : events) {
                s.setLong(1, ++id);
                s.setObject(2, JpaPresence.utc(d.createdAt()));
                s.setLong(3, d.chatId());
                s.setString(4, d.payload());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public List<Logged> after(long afterId, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_BATCH + ": " + limit);
        }
        String sql = "SELECT id, chat_id, created_at, payload FROM " + table + " WHERE id > ?"
                + (tables.postgres() ? " AND id < " + HORIZON : "") + " ORDER BY id LIMIT ?";
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            List<Logged> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, afterId);
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new Logged(rs.getLong(1), rs.getLong(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
                    }
                }
            }
            return events;
        }));
    }

    @Override
    public long head() {
        return queryLong("SELECT COALESCE(MAX(id), 0) FROM " + table
                + (tables.postgres() ? " WHERE id < " + HORIZON : ""));
    }

    @Override
    public long oldest() {
        return queryLong("SELECT COALESCE(MIN(id), 0) FROM " + table);
    }

    private long queryLong(String sql) {
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Deletes in batches of at most this many, each in a transaction of its own when none is open. */
    private static final int TRIM_BATCH = 5000;

    @Override
    public int trim(Instant cutoff) {
        int total = 0;
        while (true) {
            int deleted = trimBatch(cutoff);
            total += deleted;
            if (deleted < TRIM_BATCH) {
                return total;
            }
        }
    }

    /**
     * Deletes the oldest events up to the first one not before the cutoff (reading at most a batch of them in id
     * order), never the newest. Nodes trimming at once delete the same rows; the later one deletes nothing.
     */
    private int trimBatch(Instant cutoff) {
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            long upTo = 0;
            int count = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT id, created_at FROM " + table
                    + " ORDER BY id LIMIT ?")) {
                s.setInt(1, TRIM_BATCH);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && rs.getObject(2, OffsetDateTime.class).toInstant().isBefore(cutoff)) {
                        upTo = rs.getLong(1);
                        count++;
                    }
                }
            }
            if (count == 0) {
                return 0;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id <= ?"
                    + " AND id < (SELECT MAX(n.id) FROM " + table + " n)")) {
                s.setLong(1, upTo);
                return s.executeUpdate();
            }
        }));
    }
}
