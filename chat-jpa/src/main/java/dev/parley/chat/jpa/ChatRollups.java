package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>The zone the daily rows were cut in is recorded in {@code <prefix>chat_rollup_zone}; at start-up
 * {@link #prepare} rebuilds them from the chat table when it is not the configured zone (or its rules changed).
 */
final class ChatRollups {

    private static final Logger log = LoggerFactory.getLogger(ChatRollups.class);

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
    private static final String KEY_COLUMNS = "granularity, bucket_start, department, stripe";

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
     * Whether the daily rows were checked at start-up to be cut in {@link #zone()}; false only when the schema
     * lacked them then (reports read the quarter hours).
     */
    boolean daysReady() {
        return daysReady;
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
        long[] now = contribution(after);
        if (before != null) {
            long[] was = contribution(before);
            if (before.department().equals(after.department()) && Arrays.equals(was, now)) {
                return;
            }
            for (Key from : keysOf(before.id(), before.createdAt(), before.department())) {
                add(t.pendingRollup(), from, was, -1);
            }
        }
        for (Key to : keysOf(after.id(), after.createdAt(), after.department())) {
            add(t.pendingRollup(), to, now, 1);
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
        sql.append(") VALUES (?, ?, ?, ?").append(", ?".repeat(COLUMNS.size())).append(")")
                .append(" ON CONFLICT (").append(KEY_COLUMNS).append(") DO UPDATE SET ");
        for (int i = 0; i < COLUMNS.size(); i++) {
            String col = COLUMNS.get(i);
            sql.append(i == 0 ? "" : ", ").append(col).append(" = ").append(tables.rollup).append('.').append(col)
                    .append(" + EXCLUDED.").append(col);
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (Map.Entry<Key, long[]> change : changes) {
                int next = bindKey(s, 1, change.getKey());
                for (int i = 0; i < COLUMNS.size(); i++) {
                    s.setLong(next + i, change.getValue()[i]);
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
    private static int bindKey(PreparedStatement s, int first, Key key) throws SQLException {
        s.setInt(first, key.granularity());
        s.setLong(first + 1, key.bucket());
        s.setString(first + 2, key.department());
        s.setInt(first + 3, key.stripe());
        return first + 4;
    }

    /**
     * At start-up: when the daily rows were not cut in the configured zone with its current rules (a new database,
     * the V003 upgrade, a restart with another zone, time-zone data that changed the zone's offsets), rebuilds them
     * from the chat table and records the zone. Two nodes starting at once serialise on the zone's row.
     */
    void prepare(JpaTransactions tx) {
        tx.exec(t -> t.em.unwrap(Session.class).doWork(c -> {
            if (!tableExists(c, tables.rollupZone)) {
                log.warn("Parley analytics: table {} is missing (the schema lacks migration V003), so the daily"
                        + " rollup rows are not used until the store starts on a migrated schema", tables.rollupZone);
                return;
            }
            String[] recorded = lockZoneRow(c);
            if (zone.getId().equals(recorded[0]) && rulesFingerprint(zone).equals(recorded[1])) {
                log.debug("Parley analytics: the daily rollup rows are in {}", zone.getId());
                daysReady = true;
                return;
            }
            long t0 = System.nanoTime();
            lockRollupTable(c);
            int rows = rebuildDays(c);
            recordZone(c);
            daysReady = true;
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (recorded[0] == null) {
                log.info("Parley analytics: built the daily rollup rows in {} from the chat table ({} rows, {} ms)",
                        zone.getId(), rows, millis);
            } else if (zone.getId().equals(recorded[0])) {
                log.info("Parley analytics: the time-zone rules of {} changed since its daily rollup rows were built;"
                        + " rebuilt them from the chat table ({} rows, {} ms)", zone.getId(), rows, millis);
            } else {
                log.info("Parley analytics: the report zone is {} but the daily rollup rows were cut in {}; rebuilt"
                        + " them from the chat table ({} rows, {} ms)", zone.getId(), recorded[0], rows, millis);
            }
        }));
    }

    /**
     * Rebuilds every rollup row (both granularities) from the chat table, for chats written around the store. On
     * PostgreSQL the rollup table is locked against writers meanwhile, so changes committed during the rebuild are
     * not lost.
     */
    void rebuild(JpaTransactions tx) {
        tx.exec(t -> {
            t.em.flush();
            t.em.unwrap(Session.class).doWork(c -> {
                lockZoneRow(c);
                lockRollupTable(c);
                execute(c, "DELETE FROM " + tables.rollup + " WHERE granularity = " + QUARTER_HOUR);
                execute(c, "INSERT INTO " + tables.rollup + " (" + KEY_COLUMNS + ", " + String.join(", ", COLUMNS)
                        + ") SELECT " + QUARTER_HOUR + ", s - MOD(MOD(s, 900) + 900, 900), department, 0, " + RAW_SUMS
                        + " FROM (SELECT " + EPOCH_SECOND + " AS s, department, status, rating, response_time,"
                        + " resolution_time, total_messages FROM " + tables.chat + ") c"
                        + " GROUP BY s - MOD(MOD(s, 900) + 900, 900), department");
                rebuildDays(c);
                recordZone(c);
            });
        });
    }

    private static final String EPOCH_SECOND = "CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT)";

    /**
     * Replaces the daily rows by the sums over the chat table. The local date of a chat is computed here with the
     * zone's offsets from {@code java.time} (the same rules the writes use), not with the database's time-zone data.
     */
    private int rebuildDays(Connection c) throws SQLException {
        Instant first;
        Instant last;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(created_at), MAX(created_at) FROM " + tables.chat)) {
            rs.next();
            OffsetDateTime min = rs.getObject(1, OffsetDateTime.class);
            OffsetDateTime max = rs.getObject(2, OffsetDateTime.class);
            first = min == null ? Instant.now() : min.toInstant();
            last = max == null ? Instant.now() : max.toInstant();
        }
        // chats written by others meanwhile are newer than the newest one read here
        last = Collections.max(List.of(last, Instant.now())).plus(Duration.ofDays(2));
        ZoneRules rules = zone.getRules();
        StringBuilder offset = new StringBuilder();
        int previous = rules.getOffset(first).getTotalSeconds();
        for (ZoneOffsetTransition next = rules.nextTransition(first);
                next != null && next.getInstant().isBefore(last);
                next = rules.nextTransition(next.getInstant())) {
            offset.append(" WHEN s < ").append(next.getInstant().getEpochSecond()).append(" THEN ").append(previous);
            previous = next.getOffsetAfter().getTotalSeconds();
        }
        String offsetSql = offset.length() == 0 ? String.valueOf(previous)
                : "CASE" + offset + " ELSE " + previous + " END";
        execute(c, "DELETE FROM " + tables.rollup + " WHERE granularity = " + DAY);
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO " + tables.rollup + " (" + KEY_COLUMNS + ", "
                    + String.join(", ", COLUMNS) + ") SELECT " + DAY + ", (x - MOD(MOD(x, 86400) + 86400, 86400))"
                    + " / 86400, department, MOD(id, " + STRIPES + "), " + RAW_SUMS
                    + " FROM (SELECT s + (" + offsetSql + ") AS x, id, department, status, rating, response_time,"
                    + " resolution_time, total_messages FROM (SELECT " + EPOCH_SECOND + " AS s, id, department,"
                    + " status, rating, response_time, resolution_time, total_messages FROM " + tables.chat + ") c) d"
                    + " GROUP BY (x - MOD(MOD(x, 86400) + 86400, 86400)) / 86400, department, MOD(id, " + STRIPES
                    + ")");
        }
    }

    /**
     * Locks the row recording the zone of the daily rows (inserting it when missing); answers the zone id and the
     * fingerprint of its rules recorded there (nulls when none).
     */
    private String[] lockZoneRow(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT zone, rules FROM " + tables.rollupZone + " WHERE id = 1 FOR UPDATE")) {
            if (rs.next()) {
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
        // V003 inserts the row; it is missing only when deleted by hand
        execute(c, "INSERT INTO " + tables.rollupZone + " (id, zone, rules, built_at) VALUES (1, NULL, NULL, NULL)");
        return new String[] {null, null};
    }

    private void recordZone(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.rollupZone
                + " SET zone = ?, rules = ?, built_at = CURRENT_TIMESTAMP WHERE id = 1")) {
            s.setString(1, zone.getId());
            s.setString(2, rulesFingerprint(zone));
            s.executeUpdate();
        }
    }

    /**
     * PostgreSQL: writers wait until the rebuild commits, and then apply their differences to the rebuilt rows (a
     * writer that changed a chat before the rebuild's snapshot committed before the lock was granted). H2 has no
     * table lock; the store rebuilds at start-up, before it writes.
     */
    private void lockRollupTable(Connection c) throws SQLException {
        if (tables.postgres()) {
            execute(c, "LOCK TABLE " + tables.rollup + " IN EXCLUSIVE MODE");
        }
    }

    private static boolean tableExists(Connection c, String qualifiedName) throws SQLException {
        String name = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        for (String pattern : List.of(name, name.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, pattern, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * A fingerprint of the zone's offsets (every transition and the rules of future ones): it changes when new
     * time-zone data changes the zone, which may move chats between local dates.
     */
    static String rulesFingerprint(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        StringBuilder s = new StringBuilder();
        s.append(rules.getOffset(Instant.EPOCH).getTotalSeconds()).append('|');
        for (ZoneOffsetTransition t : rules.getTransitions()) {
            s.append(t.getInstant().getEpochSecond()).append(':').append(t.getOffsetAfter().getTotalSeconds())
                    .append(';');
        }
        for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
            s.append(r).append(';');
        }
        CRC32 crc = new CRC32();
        crc.update(s.toString().getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
