package dev.parley.chat.jpa;

import static dev.parley.chat.jpa.ChatRollups.DAY;
import static dev.parley.chat.jpa.ChatRollups.KEY_COLUMNS;
import static dev.parley.chat.jpa.ChatRollups.QUARTER_HOUR;
import static dev.parley.chat.jpa.ChatRollups.STRIPES;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the rollup rows of {@link ChatRollups} from the chat table: the daily rows at start-up when
 * {@code <prefix>chat_rollup_zone} does not record the store's report zone with its current rules, and every row on
 * demand (for chats written around the store).
 */
final class RollupRebuilds {

    private static final Logger log = LoggerFactory.getLogger(RollupRebuilds.class);
    private static final String EPOCH_SECOND = "CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT)";

    private final Tables tables;
    private final ChatRollups rollups;

    RollupRebuilds(Tables tables, ChatRollups rollups) {
        this.tables = tables;
        this.rollups = rollups;
    }

    /**
     * At start-up: when the daily rows were not cut in the configured zone with its current rules (a new database,
     * the V003 upgrade, a restart with another zone, time-zone data that changed the zone's offsets), rebuilds them
     * from the chat table and records the zone. Two nodes starting at once serialise on the zone's row.
     */
    void prepare(JpaTransactions tx) {
        tx.exec(t -> t.em.unwrap(Session.class).doWork(c -> {
            ZoneId zone = rollups.zone();
            if (!tableExists(c, tables.rollupZone)) {
                log.warn("Parley analytics: table {} is missing (the schema lacks migration V003), so the daily"
                        + " rollup rows are not used until the store starts on a migrated schema", tables.rollupZone);
                return;
            }
            String[] recorded = lockZoneRow(c);
            if (zone.getId().equals(recorded[0]) && rulesFingerprint(zone).equals(recorded[1])) {
                log.debug("Parley analytics: the daily rollup rows are in {}", zone.getId());
                rollups.daysReady(true);
                return;
            }
            long t0 = System.nanoTime();
            lockRollupTable(c);
            int rows = rebuildDays(c);
            recordZone(c);
            rollups.daysReady(true);
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
                execute(c, "INSERT INTO " + tables.rollup + " (" + KEY_COLUMNS + ", " + RollupColumn.NAMES
                        + ") SELECT " + QUARTER_HOUR + ", s - MOD(MOD(s, 900) + 900, 900), department, 0, "
                        + RollupColumn.CHAT_SUMS + " FROM (SELECT " + EPOCH_SECOND + " AS s, department, "
                        + RollupColumn.CHAT_COLUMNS + " FROM " + tables.chat + ") c"
                        + " GROUP BY s - MOD(MOD(s, 900) + 900, 900), department");
                rebuildDays(c);
                recordZone(c);
            });
            rollups.daysReady(true);
        });
    }

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
        ZoneRules rules = rollups.zone().getRules();
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
                    + RollupColumn.NAMES + ") SELECT " + DAY + ", (x - MOD(MOD(x, 86400) + 86400, 86400))"
                    + " / 86400, department, MOD(id, " + STRIPES + "), " + RollupColumn.CHAT_SUMS
                    + " FROM (SELECT s + (" + offsetSql + ") AS x, id, department, " + RollupColumn.CHAT_COLUMNS
                    + " FROM (SELECT " + EPOCH_SECOND + " AS s, id, department, " + RollupColumn.CHAT_COLUMNS
                    + " FROM " + tables.chat + ") c) d"
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
             ResultSet rs = s.executeQuery("SELECT zone, rules FROM " + tables.rollupZone
                     + " WHERE id = 1 FOR UPDATE")) {
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
            s.setString(1, rollups.zone().getId());
            s.setString(2, rulesFingerprint(rollups.zone()));
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
