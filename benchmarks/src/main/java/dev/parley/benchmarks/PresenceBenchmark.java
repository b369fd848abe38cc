package dev.parley.benchmarks;

import dev.parley.Parley;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.ChatStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * Heartbeats and "is anyone online in department X" checks per second through {@code Parley.presence()}, against
 * raw JDBC: an {@code UPDATE} of the admin's presence row + {@code COMMIT}, and one {@code SELECT … LIMIT 1}.
 */
final class PresenceBenchmark {

    static final String TITLE = "4. Presence";
    private static final List<Integer> THREADS = List.of(1, 4);

    private final BenchOptions options;
    private final Harness harness;

    PresenceBenchmark(BenchOptions options, Harness harness) {
        this.options = options;
        this.harness = harness;
    }

    Section run(Databases databases) throws Exception {
        Section section = new Section(TITLE, """
                Heartbeats: `presence().heartbeat(admin, online)` of admins already online (the steady state: one \
                every 30 s per open dashboard), each thread its own 8 admins; baseline: raw JDBC `UPDATE` of the \
                admin's presence row + `COMMIT`. Checks: `presence().anyOnline("sales")` (asked on every visitor \
                message) with 32 admins online; baseline: raw `SELECT 1 … WHERE online AND last_seen_at > ? AND \
                (department IS NULL OR department = ?) LIMIT 1`. Figures are operations per second; each round \
                runs %d operations split over the threads.""".formatted(options.presenceOps()),
                "Parley", "raw JDBC", "Parley / raw JDBC, higher is better");
        if (!Stores.available()) {
            return section.finding("Not measured: " + Stores.notAvailable() + ".");
        }
        for (Database.Kind kind : Database.Kind.values()) {
            if (options.databases().contains(kind)) {
                try (Database db = databases.fresh(kind, "presence", 6)) {
                    measure(db, section);
                }
            }
        }
        return section;
    }

    private void measure(Database db, Section section) throws Exception {
        ChatStore store = Stores.open(db);
        try (Parley parley = Stores.parley(store, Clock.systemUTC())) {
            for (int a = 0; a < Stores.ADMINS; a++) {
                parley.presence().heartbeat("admin-" + a, Heartbeat.onlineForAll());
            }
            String update = "UPDATE " + Schema.PRESENCE + " SET " + Schema.PRESENCE_ONLINE + " = ?, last_seen_at = ?, "
                    + "socket_id = ?, department = ? WHERE user_id = ?";
            String check = "SELECT 1 FROM " + Schema.PRESENCE + " WHERE " + Schema.PRESENCE_ONLINE
                    + " = true AND last_seen_at > ? AND (department IS NULL OR department = ?) LIMIT 1";
            Harness.Op heartbeat = (t, i) -> parley.presence().heartbeat(admin(t, i), Heartbeat.onlineForAll());
            Harness.Op rawHeartbeat = (t, i) -> {
                try (Connection c = db.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement(update)) {
                        ps.setBoolean(1, true);
                        ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                        ps.setObject(3, null);
                        ps.setObject(4, null);
                        ps.setString(5, admin(t, i));
                        ps.executeUpdate();
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
            };
            Harness.Op anyOnline = (t, i) -> {
                if (!parley.presence().anyOnline("sales")) {
                    throw new IllegalStateException("expected admins online");
                }
            };
            Harness.Op rawAnyOnline = (t, i) -> {
                try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(check)) {
                    ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2));
                    ps.setString(2, "sales");
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("expected admins online");
                        }
                    }
                }
            };
            for (int threads : THREADS) {
                int perThread = Math.max(1, options.presenceOps() / threads);
                ExecutorService pool = Harness.threads(threads, "bench-presence");
                try {
                    String th = threads + (threads == 1 ? " thread" : " threads");
                    Harness.Pair hb = harness.paired(() -> Harness.throughput(pool, threads, perThread, heartbeat),
                            () -> Harness.throughput(pool, threads, perThread, rawHeartbeat));
                    section.add(Row.of(TITLE, db.shortName(), "heartbeats, " + th, "ops/s", hb.candidate(),
                            hb.baseline(), hb.ratio()));
                    Harness.Pair ck = harness.paired(() -> Harness.throughput(pool, threads, perThread, anyOnline),
                            () -> Harness.throughput(pool, threads, perThread, rawAnyOnline));
                    section.add(Row.of(TITLE, db.shortName(), "anyOnline checks, " + th, "ops/s", ck.candidate(),
                            ck.baseline(), ck.ratio()));
                } finally {
                    pool.shutdownNow();
                }
            }
            if (options.profile()) {
                explain(db, section);
            }
        } finally {
            IngestBenchmark.closeQuietly(store);
        }
    }

    private void explain(Database db, Section section) throws Exception {
        StatementCounter counter = new StatementCounter(db.dataSource());
        ChatStore counted = Stores.open(db, counter);
        try (Parley p = Stores.parley(counted, Clock.systemUTC())) {
            int n = 40;
            p.presence().heartbeat("admin-0", Heartbeat.onlineForAll());
            counter.reset();
            for (int i = 0; i < n; i++) {
                p.presence().heartbeat("admin-0", Heartbeat.onlineForAll());
            }
            String heartbeat = counter.perOperation(n);
            counter.reset();
            for (int i = 0; i < n; i++) {
                p.presence().anyOnline("sales");
            }
            String check = counter.perOperation(n);
            section.finding(String.format(Locale.ROOT, "**%s — round trips.** Per heartbeat: %s. Per anyOnline "
                    + "check: %s.", db.shortName(), heartbeat, check));
        } finally {
            IngestBenchmark.closeQuietly(counted);
        }
    }

    private static String admin(int thread, int i) {
        return "admin-" + ((thread * 8 + i % 8) % Stores.ADMINS);
    }
}
