package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code <prefix>chat_rollup} exact: one row per (quarter hour of {@code created_at}, department) holding the
 * sums over its chats that the report needs. Every chat insert, update and department move adds the difference of
 * the chats' contributions before and after to its transaction; just before the transaction commits (or before a
 * rollup read inside it) the differences are applied, one upsert per changed row, in key order (so two transactions
 * never wait for each other's rollup rows in a cycle), and the rows stay locked only for the commit.
 */
final class ChatRollups {

    /** Bucket length in seconds: every real UTC offset is a multiple of it, so a bucket lies inside one local date. */
    static final long BUCKET = 900;

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

    private static final int TOTAL = 0;

    private final Tables tables;

    ChatRollups(Tables tables) {
        this.tables = tables;
    }

    /** A rollup row's key. */
    record Key(long bucketStart, String department) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Long.compare(bucketStart, o.bucketStart);
            return c != 0 ? c : department.compareTo(o.department);
        }
    }

    /** The start (epoch second) of the quarter hour holding this epoch second. */
    static long bucketOf(long epochSecond) {
        return Math.floorDiv(epochSecond, BUCKET) * BUCKET;
    }

    static Key keyOf(Chat c) {
        return new Key(bucketOf(c.createdAt().getEpochSecond()), c.department());
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
        long[] now = contribution(after);
        Key to = keyOf(after);
        if (before != null) {
            long[] was = contribution(before);
            Key from = keyOf(before);
            if (from.equals(to) && Arrays.equals(was, now)) {
                return;
            }
            add(t.pendingRollup(), from, was, -1);
        }
        add(t.pendingRollup(), to, now, 1);
    }

    /** Records a chat's contribution moving from one row to another (a department move). */
    void move(Tx t, Key from, Key to, long[] contribution) {
        add(t.pendingRollup(), from, contribution, -1);
        add(t.pendingRollup(), to, contribution, 1);
    }

    private static void add(Map<Key, long[]> pending, Key key, long[] values, int sign) {
        long[] sums = pending.computeIfAbsent(key, k -> new long[COLUMNS.size()]);
        for (int i = 0; i < sums.length; i++) {
            sums[i] += sign * values[i];
        }
    }

    /** Applies the transaction's pending differences to the rollup rows (in key order) and forgets them. */
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
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.rollup).append(" (bucket_start, department");
        COLUMNS.forEach(col -> sql.append(", ").append(col));
        sql.append(") VALUES (?, ?").append(", ?".repeat(COLUMNS.size())).append(")")
                .append(" ON CONFLICT (bucket_start, department) DO UPDATE SET ");
        for (int i = 0; i < COLUMNS.size(); i++) {
            String col = COLUMNS.get(i);
            sql.append(i == 0 ? "" : ", ").append(col).append(" = ").append(tables.rollup).append('.').append(col)
                    .append(" + EXCLUDED.").append(col);
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (Map.Entry<Key, long[]> change : changes) {
                s.setLong(1, change.getKey().bucketStart());
                s.setString(2, change.getKey().department());
                for (int i = 0; i < COLUMNS.size(); i++) {
                    s.setLong(3 + i, change.getValue()[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * H2: update the row, or insert it when there is none. Two transactions can both find no row and insert; the
     * loser waits for the winner's commit, gets a unique violation and updates the winner's row instead (a failed
     * statement does not end an H2 transaction).
     */
    private void upsertH2(Connection c, List<Map.Entry<Key, long[]>> changes) throws SQLException {
        StringBuilder update = new StringBuilder("UPDATE ").append(tables.rollup).append(" SET ");
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(tables.rollup)
                .append(" (bucket_start, department");
        for (int i = 0; i < COLUMNS.size(); i++) {
            String col = COLUMNS.get(i);
            update.append(i == 0 ? "" : ", ").append(col).append(" = ").append(col).append(" + ?");
            insert.append(", ").append(col);
        }
        update.append(" WHERE bucket_start = ? AND department = ?");
        insert.append(") VALUES (?, ?").append(", ?".repeat(COLUMNS.size())).append(")");
        try (PreparedStatement u = c.prepareStatement(update.toString());
             PreparedStatement in = c.prepareStatement(insert.toString())) {
            for (Map.Entry<Key, long[]> change : changes) {
                Key key = change.getKey();
                long[] v = change.getValue();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    u.setLong(1 + i, v[i]);
                    in.setLong(3 + i, v[i]);
                }
                u.setLong(COLUMNS.size() + 1, key.bucketStart());
                u.setString(COLUMNS.size() + 2, key.department());
                in.setLong(1, key.bucketStart());
                in.setString(2, key.department());
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
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.rollup
                + " WHERE bucket_start = ? AND department = ? AND total = 0")) {
            boolean any = false;
            for (Map.Entry<Key, long[]> change : changes) {
                if (change.getValue()[TOTAL] < 0) {
                    s.setLong(1, change.getKey().bucketStart());
                    s.setString(2, change.getKey().department());
                    s.addBatch();
                    any = true;
                }
            }
            if (any) {
                s.executeBatch();
            }
        }
    }
}
