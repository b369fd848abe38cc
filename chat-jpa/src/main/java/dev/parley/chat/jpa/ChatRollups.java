package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code <prefix>chat_rollup} exact. It holds the sums over chats that the report needs at two granularities:
 * one row per (quarter hour of {@code created_at}, department), which serves a report in any zone, and rows per
 * (local date of {@code created_at} in the report zone, department, stripe), which serve the report in that zone
 * with a number of rows that does not grow with the chats. A day's chats are spread over {@link #STRIPES} rows by
 * chat id, so that messages in today's chats do not all queue on one row lock.
 *
 * <p>Every chat insert, update and department move adds the difference of the chats' contributions before and after
 * to its transaction, for both granularities; just before the transaction commits (after the entity changes are
 * flushed, or before a rollup read inside it) the differences are applied in one batched upsert, in key order (so
 * two transactions never wait for each other's rollup rows in a cycle), and the rows stay locked only for that
 * statement and the commit.
 *
 * <p>{@link RollupRebuilds} builds the rows from the chat table: the daily rows at start-up when they were cut in
 * another zone, all of them on demand.
 */
final class ChatRollups {

    /** Bucket length in seconds: every real UTC offset is a multiple of it, so a bucket lies inside one local date. */
    static final long BUCKET = 900;

    /** The granularity of the rows per quarter hour ({@code bucket_start}: the epoch second it starts). */
    static final int QUARTER_HOUR = 0;

    /** The granularity of the rows per local date of the report zone ({@code bucket_start}: its epoch day). */
    static final int DAY = 1;

    /** How many rows share the chats of one local date and department ({@code stripe}: chat id modulo this). */
    static final int STRIPES = 8;

    /** The sum columns, in the order of a contribution. */
    static final List<String> COLUMNS = List.of("total", "active", "resolved", "rated", "rating_sum", "rating_1",
            "rating_2", "rating_3", "rating_4", "rating_5", "responded", "response_time_sum", "timed_resolutions",
            "resolution_time_sum", "message_sum");

    /**
     * The same sums over raw chat rows, in the order of {@link #COLUMNS} (the V002 backfill uses these expressions
     * too).
     */
    static final String RAW_SUMS = "COUNT(*), SUM(CASE WHEN status IN ('ACTIVE', 'WAITING') THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END), COUNT(rating),"
            + " COALESCE(SUM(rating), 0), SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END),"
            + " COUNT(response_time), COALESCE(SUM(response_time), 0), COUNT(resolution_time),"
            + " COALESCE(SUM(resolution_time), 0), SUM(total_messages)";

    /** The key columns, in key order. */
    static final String KEY_COLUMNS = "granularity, bucket_start, department, stripe";

    /** The condition on the key columns, parameters in {@link #bindKey} order. */
    private static final String KEY_MATCH =
            " WHERE granularity = ? AND bucket_start = ? AND department = ? AND stripe = ?";

    private static final int TOTAL = 0;

    private final Tables tables;
    private final ZoneId zone;
    private volatile boolean daysReady;

    ChatRollups(Tables tables, ZoneId zone) {
        this.tables = tables;
        this.zone = zone;
    }

    /** The zone of the daily rows. */
    ZoneId zone() {
        return zone;
    }

    /**
     * Whether the daily rows were checked at start-up to be cut in {@link #zone()} (see {@link RollupRebuilds});
     * false only when the schema lacked them then, and reports read the quarter hours.
     */
    boolean daysReady() {
        return daysReady;
    }

    void daysReady(boolean value) {
        daysReady = value;
    }

    /** A rollup row's key, ordered as the primary key. */
    record Key(int granularity, long bucket, String department, int stripe) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(granularity, o.granularity);
            if (c == 0) {
                c = Long.compare(bucket, o.bucket);
            }
            if (c == 0) {
                c = department.compareTo(o.department);
            }
            return c != 0 ? c : Integer.compare(stripe, o.stripe);
        }
    }

    /** The start (epoch second) of the quarter hour holding this epoch second. */
    static long bucketOf(long epochSecond) {
        return Math.floorDiv(epochSecond, BUCKET) * BUCKET;
    }

    /** The rows a chat counts in: its quarter hour's and its local date's (in the report zone). */
    List<Key> keysOf(long chatId, Instant createdAt, String department) {
        return List.of(new Key(QUARTER_HOUR, bucketOf(createdAt.getEpochSecond()), department, 0),
                new Key(DAY, LocalDate.ofInstant(createdAt, zone).toEpochDay(), department,
                        (int) Math.floorMod(chatId, (long) STRIPES)));
    }

    static long[] contribution(Chat c) {
        return contribution(c.status().name(), c.rating(), c.responseTime(), c.resolutionTime(),
                c.analytics().totalMessages());
    }

    /** What one chat adds to its row, in the order of {@link #COLUMNS}. */
    static long[] contribution(String status, @Nullable Integer rating, @Nullable Long responseTime,
            @Nullable Long resolutionTime, long totalMessages) {
        long[] v = new long[COLUMNS.size()];
        v[0] = 1;
        v[1] = status.equals("ACTIVE") || status.equals("WAITING") ? 1 : 0;
        v[2] = status.equals("RESOLVED") || status.equals("CLOSED") ? 1 : 0;
        if (rating != null) {
            v[3] = 1;
            v[4] = rating;
            v[4 + rating] = 1;
        }
        if (responseTime != null) {
            v[10] = 1;
            v[11] = responseTime;
        }
        if (resolutionTime != null) {
            v[12] = 1;
            v[13] = resolutionTime;
        }
        v[14] = totalMessages;
        return v;
    }

    /** Records a chat changing from {@code before} (null: new) to {@code after}; nothing when its sums are equal. */
    void change(Tx t, @Nullable Chat before, Chat after) {
        change(t.pendingRollup(), before, after);
    }

    /** Adds to {@code pending} the differences of a chat changing from {@code before} (null: new) to {@code after}. */
    void change(Map<Key, long[]> pending, @Nullable Chat before, Chat after) {
        long[] now = contribution(after);
        if (before != null) {
            long[] was = contribution(before);
            if (before.department().equals(after.department()) && Arrays.equals(was, now)) {
                return;
            }
            for (Key from : keysOf(before.id(), before.createdAt(), before.department())) {
                add(pending, from, was, -1);
            }
        }
        for (Key to : keysOf(after.id(), after.createdAt(), after.department())) {
            add(pending, to, now, 1);
        }
    }

    /** Records a chat's contribution moving from one department's rows to another's (a department move). */
    void move(Tx t, long chatId, Instant createdAt, String from, String to, long[] contribution) {
        for (Key key : keysOf(chatId, createdAt, from)) {
            add(t.pendingRollup(), key, contribution, -1);
        }
        for (Key key : keysOf(chatId, createdAt, to)) {
            add(t.pendingRollup(), key, contribution, 1);
        }
    }

    private static void add(Map<Key, long[]> pending, Key key, long[] values, int sign) {
        long[] sums = pending.computeIfAbsent(key, k -> new long[COLUMNS.size()]);
        for (int i = 0; i < sums.length; i++) {
            sums[i] += sign * values[i];
        }
    }

    /**
     * Runs just before a transaction commits: writes the entity changes first, then the rollup differences, so the
     * rollup rows are locked for one statement and the commit only.
     */
    void beforeCommit(Tx t) {
        if (!t.pendingRollup().isEmpty()) {
            t.em.flush();
            flush(t);
        }
    }

    /**
     * Applies the transaction's pending differences to the rollup rows (both granularities in one batched
     * statement on PostgreSQL, in key order) and forgets them.
     */
    void flush(Tx t) {
        Map<Key, long[]> pending = t.pendingRollup();
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, long[]>> changes = new ArrayList<>();
        for (Map.Entry<Key, long[]> e : pending.entrySet()) {
            if (Arrays.stream(e.getValue()).anyMatch(v -> v != 0)) {
                changes.add(Map.entry(e.getKey(), e.getValue().clone()));
            }
        }
        pending.clear();
        if (changes.isEmpty()) {
            return;
        }
        t.em.unwrap(Session.class).doWork(c -> {
            if (tables.postgres()) {
                upsertPostgres(c, changes);
            } else {
                upsertH2(c, changes);
            }
            deleteEmpty(c, changes);
        });
    }

    private void upsertPostgres(Connection c, List<Map.Entry<Key, long[]>> changes) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.rollup).append(" (").append(KEY_COLUMNS);
        COLUMNS.forEach(col -> sql.append(", ").append(col));
        sql.append(") VALUES (?, ?, ?, ?").append(", ?".repeat(COLUMNS.size())).append(")").append(addOnConflict());
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (Map.Entry<Key, long[]> change : changes) {
                bindChange(s, 1, change.getKey(), change.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** PostgreSQL: the tail of an {@code INSERT} of rollup rows that adds the values to a row that exists. */
    private String addOnConflict() {
        StringBuilder sql = new StringBuilder(" ON CONFLICT (").append(KEY_COLUMNS).append(") DO UPDATE SET ");
        for (int i = 0; i < COLUMNS.size(); i++) {
            String col = COLUMNS.get(i);
            sql.append(i == 0 ? "" : ", ").append(col).append(" = ").append(tables.rollup).append('.').append(col)
                    .append(" + EXCLUDED.").append(col);
        }
        return sql.toString();
    }

    /** Binds a row's key and sums from this parameter on; answers the next parameter's index. */
    private static int bindChange(PreparedStatement s, int first, Key key, long[] sums) throws SQLException {
        int next = bindKey(s, first, key);
        for (int i = 0; i < COLUMNS.size(); i++) {
            s.setLong(next + i, sums[i]);
        }
        return next + COLUMNS.size();
    }

    /**
     * H2: update the row, or insert it when there is none. Two transactions can both find no row and insert; the
     * loser waits for the winner's commit, gets a unique violation and updates the winner's row instead (a failed
     * statement does not end an H2 transaction).
     */
    private void upsertH2(Connection c, List<Map.Entry<Key, long[]>> changes) throws SQLException {
        StringBuilder update = new StringBuilder("UPDATE ").append(tables.rollup).append(" SET ");
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(tables.rollup)
                .append(" (").append(KEY_COLUMNS);
        for (int i = 0; i < COLUMNS.size(); i++) {
            String col = COLUMNS.get(i);
            update.append(i == 0 ? "" : ", ").append(col).append(" = ").append(col).append(" + ?");
            insert.append(", ").append(col);
        }
        update.append(KEY_MATCH);
        insert.append(") VALUES (?, ?, ?, ?").append(", ?".repeat(COLUMNS.size())).append(")");
        try (PreparedStatement u = c.prepareStatement(update.toString());
             PreparedStatement in = c.prepareStatement(insert.toString())) {
            for (Map.Entry<Key, long[]> change : changes) {
                Key key = change.getKey();
                long[] v = change.getValue();
                int next = bindKey(in, 1, key);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    u.setLong(1 + i, v[i]);
                    in.setLong(next + i, v[i]);
                }
                bindKey(u, COLUMNS.size() + 1, key);
                for (int attempt = 1; u.executeUpdate() == 0; attempt++) {
                    try {
                        in.executeUpdate();
                        break;
                    } catch (SQLException e) {
                        if (attempt >= 3 || !"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    /** Rows whose chats all moved away are deleted (only a department move empties a row). */
    private void deleteEmpty(Connection c, List<Map.Entry<Key, long[]>> changes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.rollup + KEY_MATCH
                + " AND total = 0")) {
            boolean any = false;
            for (Map.Entry<Key, long[]> change : changes) {
                if (change.getValue()[TOTAL] < 0) {
                    bindKey(s, 1, change.getKey());
                    s.addBatch();
                    any = true;
                }
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    /** Binds the key columns from this parameter on; answers the next parameter's index. */
    static int bindKey(PreparedStatement s, int first, Key key) throws SQLException {
        s.setInt(first, key.granularity());
        s.setLong(first + 1, key.bucket());
        s.setString(first + 2, key.department());
        s.setInt(first + 3, key.stripe());
        return first + 4;
    }
}
