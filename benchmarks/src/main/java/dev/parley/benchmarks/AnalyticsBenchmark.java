package dev.parley.benchmarks;

import dev.parley.Parley;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.analytics.AnalyticsReport;
import dev.parley.chat.store.ChatStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The analytics report ({@code Parley.analytics().calculate}, cache off) for several windows and dataset sizes,
 * against one hand-written SQL aggregate over the raw chat rows of the same window on the same database.
 */
final class AnalyticsBenchmark {

    static final String TITLE = "2. Analytics report";
    static final String GROWTH = "2b. Analytics: growth with the dataset";
    static final String ROLLUP = "2c. Analytics: rollup tables queried alone (prototype, for comparison)";
    private static final ZoneId ZONE = ZoneId.of("UTC");
    /** A zone other than the store's report zone (UTC, the default): its reports read the quarter-hour rows too. */
    private static final ZoneId OTHER_ZONE = ZoneId.of("America/New_York");

    private final BenchOptions options;
    private final Harness harness;

    AnalyticsBenchmark(BenchOptions options, Harness harness) {
        this.options = options;
        this.harness = harness;
    }

    List<Section> run(Databases databases) throws Exception {
        Section report = new Section(TITLE, """
                Parley: `analytics().calculate(new AnalyticsQuery(days, UTC))` with the report cache off, i.e. the \
                store's analytics queries plus the core's assembly; UTC is also the store's report zone (the \
                default), so the totals and the daily volume come from its daily rollup rows. Baseline: one \
                hand-written `SELECT … GROUP BY department, day` over the chat table for the same window, computing \
                every summary figure, the department counts, the daily volume and the rating distribution with \
                conditional aggregates (it leaves out the top-10 list, an index lookup). Data: chats spread over \
                the 400 days before now, 4 departments, all statuses, ~40% of resolved chats rated, 1–9 messages \
                per chat, generated with `COPY` (PostgreSQL) or batched inserts (H2) straight into the migrated \
                chat-jpa schema, then `VACUUM ANALYZE`/`ANALYZE`, and the store's rollups rebuilt with its own \
                `rebuildRollups()`. Every run checks that the report's figures equal the raw aggregate's. Figures \
                are the median milliseconds per report.""",
                "Parley", "raw aggregate", "Parley / raw aggregate, lower is better");
        Section growth = new Section(GROWTH, """
                How the time of the same report grows when the dataset grows (same database, same run). The \
                figures are Parley's median milliseconds at the larger and at the smaller size; the raw \
                aggregate's growth is in the note.""",
                "Parley, larger", "Parley, smaller", "larger / smaller, lower is better");
        Section rollup = new Section(ROLLUP, """
                The rollups of section 2 without the store and the core: the benchmark builds its own copy of the \
                sums per (15-minute UTC bucket, department) and per (UTC day, department) in one statement each \
                after loading (untimed), and times one hand-written `SELECT … GROUP BY department, day` over the \
                rows of the window, paired with the raw aggregate in the same rounds (both return the same \
                figures, checked in every run). A floor for Parley's report, which reads the same daily rows but \
                also runs the top-10 query and three transactions.""",
                "rollup query", "raw aggregate", "rollup / raw aggregate, lower is better");
        if (!Stores.available()) {
            report.finding("Not measured: " + Stores.notAvailable() + ".");
            rollup.finding("Not measured: it needs the chat-jpa schema, which is not in this build yet.");
            return List.of(report, growth, rollup);
        }
        for (Database.Kind kind : Database.Kind.values()) {
            if (options.databases().contains(kind)) {
                try (Database db = databases.fresh(kind, "analytics", 4)) {
                    measure(db, report, growth, rollup);
                }
            }
        }
        if (options.analyticsSizes().size() < 2) {
            growth.finding("Not measured in this run: it has one dataset size (" + options.analyticsSizes()
                    + "). The full run measures 10k, 100k and 1M chats.");
        }
        return List.of(report, growth, rollup);
    }

    private void measure(Database db, Section report, Section growth, Section rollup) throws Exception {
        ChatStore store = Stores.open(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        DataLoader loader = new DataLoader(db, new ChatGenerator(now));
        Map<Integer, String> otherZone = new LinkedHashMap<>();
        Map<String, double[]> previous = new HashMap<>();
        int previousSize = 0;
        try (Parley parley = Stores.parley(store, Clock.fixed(now, ZONE))) {
            for (int size : options.analyticsSizes()) {
                if (!db.isPostgres() && size > options.h2MaxChats()) {
                    report.finding(String.format(Locale.ROOT, "%s: %s chats not loaded (this run stops H2 at %s "
                            + "chats: batched inserts into H2 take minutes per 100k chats here, and H2 is the "
                            + "database of demos and small installs).", db.shortName(), label(size),
                            label(options.h2MaxChats())));
                    break;
                }
                long t0 = System.nanoTime();
                long messages = loader.growTo(size);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                loader.rebuildStoreRollups(store);
                double storeRollupSeconds = (System.nanoTime() - t1) / 1e9;
                long t2 = System.nanoTime();
                for (RollupPrototype.Level level : RollupPrototype.Level.values()) {
                    RollupPrototype.rebuild(db, level);
                }
                double rollupSeconds = (System.nanoTime() - t2) / 1e9;
                report.finding(String.format(Locale.ROOT, "%s: grew the dataset to %s chats (+%,d messages) in "
                        + "%.1f s; rebuilt the store's rollups (`rebuildRollups()`) in %.1f s; built the rollup "
                        + "prototype in %.1f s.", db.shortName(), label(size), messages, loadSeconds,
                        storeRollupSeconds, rollupSeconds));
                for (int days : options.analyticsDays()) {
                    AnalyticsQuery query = new AnalyticsQuery(days, ZONE);
                    Instant from = windowStart(now, days, ZONE);
                    Instant to = windowEnd(now, ZONE);
                    check(parley.analytics().calculate(query), rawAggregate(db, from, to, ZONE));
                    Harness.Pair p = harness.paired(
                            timed(() -> parley.analytics().calculate(query)),
                            timed(() -> rawAggregate(db, from, to, ZONE)));
                    if (days == 30) {
                        AnalyticsQuery elsewhere = new AnalyticsQuery(days, OTHER_ZONE);
                        Instant otherFrom = windowStart(now, days, OTHER_ZONE);
                        Instant otherTo = windowEnd(now, OTHER_ZONE);
                        check(parley.analytics().calculate(elsewhere),
                                rawAggregate(db, otherFrom, otherTo, OTHER_ZONE));
                        Harness.Pair o = harness.paired(
                                timed(() -> parley.analytics().calculate(elsewhere)),
                                timed(() -> rawAggregate(db, otherFrom, otherTo, OTHER_ZONE)));
                        otherZone.put(size, String.format(Locale.ROOT, "at %s chats %s against %s (%s)",
                                label(size), ReportWriter.figure(o.candidate(), "ms"),
                                ReportWriter.figure(o.baseline(), "ms"), ReportWriter.ratio(o.ratio())));
                    }
                    Row row = Row.of(TITLE, db.shortName(), days + " days @ " + label(size) + " chats", "ms",
                            p.candidate(), p.baseline(), p.ratio());
                    if (days == 30 && size == 1_000_000) {
                        row = row.withTarget("≤ 0.10×", p.ratio() <= 0.10);
                    }
                    report.add(row);
                    for (RollupPrototype.Level level : RollupPrototype.Level.values()) {
                        if (!Arrays.equals(RollupPrototype.query(db, level, from, to),
                                rawAggregate(db, from, to, ZONE))) {
                            throw new IllegalStateException("the rollup prototype disagrees with the raw aggregate");
                        }
                        Harness.Pair r = harness.paired(timed(() -> RollupPrototype.query(db, level, from, to)),
                                timed(() -> rawAggregate(db, from, to, ZONE)));
                        Row rollupRow = Row.of(ROLLUP, db.shortName(), days + " days @ " + label(size) + ", "
                                + level.label, "ms", r.candidate(), r.baseline(), r.ratio());
                        rollup.add(days == 30 && size == 1_000_000
                                ? rollupRow.withNote("(the report's target: ≤ 0.10×)") : rollupRow);
                    }
                    double[] before = previous.get(db.shortName() + days);
                    if (before != null) {
                        double rawGrowth = p.baseline() / before[1];
                        Row g = Row.of(GROWTH, db.shortName(), days + " days: " + label(previousSize) + " → "
                                + label(size), "ms", p.candidate(), before[0], p.candidate() / before[0])
                                .withNote(String.format(Locale.ROOT, "(raw aggregate: %.1f×)", rawGrowth));
                        if (previousSize == 100_000 && size == 1_000_000) {
                            g = g.withTarget("≤ 1.5×", g.ratio() <= 1.5);
                        }
                        growth.add(g);
                    }
                    previous.put(db.shortName() + days, new double[] {p.candidate(), p.baseline()});
                }
                previousSize = size;
            }
            if (!otherZone.isEmpty()) {
                report.finding(String.format(Locale.ROOT, "%s: the 30-day report in %s, a zone other than the "
                        + "store's report zone (the whole UTC days inside its window from the daily rows, the hours "
                        + "left at either end from the quarter-hour rows; its daily volume from the quarter-hour "
                        + "rows), against the raw aggregate grouped by %s days: %s.", db.shortName(), OTHER_ZONE,
                        OTHER_ZONE, String.join("; ", otherZone.values())));
            }
            if (options.profile()) {
                explain(db, parley, now, previousSize, report);
            }
        } finally {
            IngestBenchmark.closeQuietly(store);
        }
    }

    /** Statement counts and a JFR profile of the 30-day report at the largest size. */
    private void explain(Database db, Parley parley, Instant now, int size, Section report) throws Exception {
        StatementCounter counter = new StatementCounter(db.dataSource());
        ChatStore counted = Stores.open(db, counter);
        AnalyticsQuery query = new AnalyticsQuery(30, ZONE);
        try (Parley p = Stores.parley(counted, Clock.fixed(now, ZONE))) {
            p.analytics().calculate(query);
            counter.reset();
            p.analytics().calculate(query);
            String statements = counter.perOperation(1);
            Profiler.Profile profile = Profiler.profile(Thread.currentThread().getName(), () -> {
                long end = System.nanoTime() + (options.mode().equals("quick") ? 1_000_000_000L : 3_000_000_000L);
                while (System.nanoTime() < end) {
                    parley.analytics().calculate(query);
                }
            });
            report.finding(String.format(Locale.ROOT, """
                    **%s — where a 30-day report's time goes (at %s chats).** Statements per report: %s. JFR \
                    samples while computing reports: %s. Hottest innermost methods: %s.""",
                    db.shortName(), label(size),
                    statements, profile.layersLine(), profile.topMethodsLine(5)));
        } finally {
            IngestBenchmark.closeQuietly(counted);
        }
    }

    /** A round: runs the work enough times to last ~100 ms (~20 ms in quick mode; at least once), answers ms per run. */
    private Harness.Round timed(Callable<?> work) {
        double roundMillis = options.mode().equals("quick") ? 20 : 100;
        return () -> {
            long t0 = System.nanoTime();
            work.call();
            double first = (System.nanoTime() - t0) / 1e6;
            int reps = (int) Math.max(1, Math.min(20, roundMillis / Math.max(first, 0.01)));
            if (reps == 1) {
                return first;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                work.call();
            }
            return (System.nanoTime() - t1) / 1e6 / reps;
        };
    }

    private static Instant windowStart(Instant now, int days, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).minusDays(days - 1L).atStartOfDay(zone).toInstant();
    }

    private static Instant windowEnd(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The report's figures equal the raw aggregate's (the sums behind every summary figure and the daily volume). */
    private static void check(AnalyticsReport report, long[] raw) {
        AnalyticsReport.Summary s = report.summary();
        long daily = report.dailyVolume().values().stream().mapToLong(Long::longValue).sum();
        long rated = report.ratingDistribution().values().stream().mapToLong(Long::longValue).sum();
        long departments = report.departmentStats().values().stream().mapToLong(d -> d.count()).sum();
        if (s.totalChats() != raw[0] || s.activeChats() != raw[1] || s.resolvedChats() != raw[2] || rated != raw[3]
                || daily != raw[0] || departments != raw[0]
                || (raw[3] > 0 && (s.avgRating() == null
                        || Math.abs(s.avgRating() - (double) raw[4] / raw[3]) > 0.006))) {
            throw new IllegalStateException("Parley's report disagrees with the raw aggregate: " + s + ", daily "
                    + daily + ", rated " + rated + ", departments " + departments + " against "
                    + Arrays.toString(raw));
        }
    }

    static String label(int size) {
        return size >= 1_000_000 && size % 1_000_000 == 0 ? size / 1_000_000 + "M"
                : size >= 1_000 && size % 1_000 == 0 ? size / 1_000 + "k" : String.valueOf(size);
    }

    /**
     * The hand-written aggregate: every figure of the report but the top-10 list, in one statement; the rows (one
     * per department and day) are folded into totals so that both sides finish with the same figures in hand.
     */
    static long[] rawAggregate(Database db, Instant from, Instant to, ZoneId zone) throws Exception {
        String day = "CAST(created_at AT TIME ZONE '" + zone.getId() + "' AS DATE)";
        String sql = "SELECT department, " + day + " AS d, count(*), "
                + "sum(CASE WHEN status IN ('ACTIVE', 'WAITING') THEN 1 ELSE 0 END), "
                + "sum(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END), "
                + "count(rating), coalesce(sum(rating), 0), "
                + "sum(CASE WHEN rating = 1 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 2 THEN 1 ELSE 0 END), "
                + "sum(CASE WHEN rating = 3 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 4 THEN 1 ELSE 0 END), "
                + "sum(CASE WHEN rating = 5 THEN 1 ELSE 0 END), "
                + "count(response_time), coalesce(sum(response_time), 0), "
                + "count(resolution_time), coalesce(sum(resolution_time), 0), sum(total_messages) "
                + "FROM " + Schema.CHAT + " WHERE created_at >= ? AND created_at < ? GROUP BY department, " + day;
        long[] totals = new long[15];
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
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
