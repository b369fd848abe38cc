package dev.parley.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * A prototype of the rollups proposed in {@code docs/benchmarks.md}, to measure what the report would cost with
 * them: tables keyed by (bucket of {@code created_at}, department) holding the sums the report needs. Here it is
 * built in one statement from the chat table after the data is loaded; in Parley it would be kept up to date by the
 * delta of each chat insert and update, inside the same transaction. It lives only in the benchmark's database.
 */
final class RollupPrototype {

    /** The bucket sizes prototyped. */
    enum Level {
        /** 15-minute buckets of UTC time: exact for every time zone (all offsets are multiples of 15 minutes). */
        QUARTER_HOUR(900, "15-min buckets"),
        /** Local days of the configured report zone (here UTC): exact for reports in that zone only. */
        DAY(86_400, "daily buckets");

        final int seconds;
        final String label;

        Level(int seconds, String label) {
            this.seconds = seconds;
            this.label = label;
        }

        String table() {
            return "bench_chat_rollup_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private RollupPrototype() {}

    /** (Re)builds the rollup of this level from the chat table. */
    static void rebuild(Database db, Level level) {
        String table = level.table();
        String bucket = db.isPostgres()
                ? "CAST(floor(extract(epoch FROM created_at) / " + level.seconds + ") AS bigint)"
                : "DATEDIFF(SECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', created_at) / "
                        + level.seconds;
        db.execute("DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (bucket bigint NOT NULL, department varchar(50) NOT NULL, "
                        + "total bigint NOT NULL, active bigint NOT NULL, resolved bigint NOT NULL, "
                        + "rated bigint NOT NULL, rating_sum bigint NOT NULL, r1 bigint NOT NULL, r2 bigint NOT NULL, "
                        + "r3 bigint NOT NULL, r4 bigint NOT NULL, r5 bigint NOT NULL, responded bigint NOT NULL, "
                        + "response_sum bigint NOT NULL, timed_resolutions bigint NOT NULL, "
                        + "resolution_sum bigint NOT NULL, message_sum bigint NOT NULL, "
                        + "PRIMARY KEY (bucket, department))",
                "INSERT INTO " + table + " SELECT " + bucket + ", department, count(*), "
                        + "sum(CASE WHEN status IN ('ACTIVE', 'WAITING') THEN 1 ELSE 0 END), "
                        + "sum(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END), "
                        + "count(rating), coalesce(sum(rating), 0), "
                        + "sum(CASE WHEN rating = 1 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 2 THEN 1 ELSE 0 END), "
                        + "sum(CASE WHEN rating = 3 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 4 THEN 1 ELSE 0 END), "
                        + "sum(CASE WHEN rating = 5 THEN 1 ELSE 0 END), count(response_time), "
                        + "coalesce(sum(response_time), 0), count(resolution_time), coalesce(sum(resolution_time), 0), "
                        + "sum(total_messages) FROM " + Schema.CHAT + " GROUP BY " + bucket + ", department",
                db.isPostgres() ? "VACUUM ANALYZE " + table : "ANALYZE");
    }

    /** The same figures as the raw aggregate, per department and UTC day, read from the rollup. */
    static long[] query(Database db, Level level, Instant from, Instant to) throws Exception {
        // a zone with an offset of k buckets would group by (bucket + k) / buckets-per-day
        String day = "bucket / " + (86_400 / level.seconds);
        String sql = "SELECT department, " + day + ", sum(total), sum(active), sum(resolved), sum(rated), "
                + "sum(rating_sum), sum(r1), sum(r2), sum(r3), sum(r4), sum(r5), sum(responded), sum(response_sum), "
                + "sum(timed_resolutions), sum(resolution_sum), sum(message_sum) FROM " + level.table()
                + " WHERE bucket >= ? AND bucket < ? GROUP BY department, " + day;
        long[] totals = new long[15];
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, Math.floorDiv(from.getEpochSecond(), level.seconds));
            ps.setLong(2, Math.floorDiv(to.getEpochSecond(), level.seconds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < totals.length; i++) {
                        totals[i] += rs.getLong(3 + i);
                    }
                }
            }
        }
        return totals;
    }
}
