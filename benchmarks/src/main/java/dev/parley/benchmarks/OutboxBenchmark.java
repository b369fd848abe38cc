package dev.parley.benchmarks;

import dev.parley.Parley;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.StartChat;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.NotificationCodec;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.store.ChatStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notifications claimed and dispatched per second by one and by two {@link Outbox} dispatchers on one PostgreSQL,
 * with a no-op {@link NotificationPort}; against raw JDBC doing the same work on the same tables (claim a batch of 100
 * with {@code FOR UPDATE SKIP LOCKED}, then complete the batch in one transaction: mark the owner's items sent, flag
 * their chats, commit). Raw JDBC completing each item in its own transaction (the baseline before batches were
 * completed at once) is measured too, for comparison with earlier runs.
 */
final class OutboxBenchmark {

    static final String TITLE = "3. Outbox dispatch";
    private static final int CHATS = 200;

    private final BenchOptions options;
    private final Harness harness;

    OutboxBenchmark(BenchOptions options, Harness harness) {
        this.options = options;
        this.harness = harness;
    }

    Section run(Databases databases) throws Exception {
        Section section = new Section(TITLE, """
                Each round first writes %d pending new-chat notifications (untimed), then times their delivery. \
                Parley: `Outbox.dispatchDue()` on one, or on two dispatchers in parallel threads (claim a batch of \
                100 with a lease, decode, deliver each to a no-op port, then complete the batch in one transaction: \
                mark the delivered items sent and flag their chats). Baseline: raw JDBC doing the same batch \
                completion on the same tables: `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT 100) \
                RETURNING` + `COMMIT`, then `UPDATE` outbox `… WHERE id = ANY(?) AND claimed_by = ? RETURNING id` \
                + `UPDATE` chat `… WHERE id = ANY(?) AND NOT email_notification_sent` + `COMMIT` per batch. A \
                finding gives raw JDBC completing each item in its own transaction (`UPDATE` outbox + `UPDATE` chat \
                + `COMMIT` per item, the baseline of earlier runs). Figures are notifications per second; the \
                target is absolute (≥ 5,000/s).""".formatted(options.outboxItems()),
                "Parley", "raw JDBC", "Parley / raw JDBC, higher is better");
        if (!Stores.available()) {
            return section.finding("Not measured: " + Stores.notAvailable() + ".");
        }
        if (!options.databases().contains(Database.Kind.POSTGRES)) {
            section.finding("Not run: the outbox benchmark runs on PostgreSQL, which this run leaves out.");
            return section;
        }
        try (Database db = databases.fresh(Database.Kind.POSTGRES, "outbox", 6)) {
            measure(db, section);
        }
        return section;
    }

    private void measure(Database db, Section section) throws Exception {
        ChatStore store = Stores.open(db);
        NotificationPort noop = n -> { };
        ParleySettings.OutboxSettings settings = ParleySettings.OutboxSettings.DEFAULTS;
        try (Parley parley = Stores.parley(store, Clock.systemUTC())) {
            List<NewChatNotification> templates = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                var started = parley.chats().startChat(new StartChat("Visitor " + i, "v" + i + "@example.com", null,
                        ChatGenerator.DEPARTMENTS.get(i % 4), "Hello"));
                var c = started.chat();
                templates.add(new NewChatNotification(List.of("admin0@example.com"), c.id(), c.visitorName(),
                        c.visitorEmail(), null, c.department(), "General", "Hello", c.createdAt()));
            }
            parley.outbox().dispatchDue();
            NotificationCodec codec = new NotificationCodec();
            AtomicInteger owners = new AtomicInteger();
            Runnable fill = () -> fill(store, codec, templates, options.outboxItems());
            List<String> itemByItem = new ArrayList<>();
            for (int dispatchers = 1; dispatchers <= 2; dispatchers++) {
                int d = dispatchers;
                ExecutorService pool = Harness.threads(d, "bench-outbox");
                try {
                    Harness.Pair p = harness.paired(
                            () -> {
                                fill.run();
                                List<Outbox> outboxes = new ArrayList<>();
                                for (int k = 0; k < d; k++) {
                                    outboxes.add(new Outbox(store, noop, Clock.systemUTC(), settings,
                                            "bench-" + owners.incrementAndGet()));
                                }
                                return rate(pool, d, k -> outboxes.get(k).dispatchDue());
                            },
                            () -> {
                                fill.run();
                                return rate(pool, d, k -> rawDispatch(db, "raw-" + owners.incrementAndGet(), false));
                            });
                    String scenario = d + (d == 1 ? " dispatcher" : " dispatchers");
                    section.add(Row.of(TITLE, db.shortName(), scenario, "items/s", p.candidate(), p.baseline(),
                            p.ratio()).withTarget("≥ 5,000/s (absolute)", p.candidate() >= 5_000));
                    double[] rounds = new double[harness.rounds()];
                    for (int r = 0; r < rounds.length; r++) {
                        fill.run();
                        rounds[r] = rate(pool, d, k -> rawDispatch(db, "raw-" + owners.incrementAndGet(), true));
                    }
                    itemByItem.add(String.format(Locale.ROOT, "%,.0f items/s with %s", Harness.median(rounds),
                            scenario));
                } finally {
                    pool.shutdownNow();
                }
            }
            section.finding("**Raw JDBC completing each item in its own transaction** (the baseline of earlier runs, "
                    + "not a target): " + String.join(", ", itemByItem) + ".");
            if (options.profile()) {
                explain(db, codec, templates, section);
            }
        } finally {
            IngestBenchmark.closeQuietly(store);
        }
    }

    private void explain(Database db, NotificationCodec codec, List<NewChatNotification> templates,
            Section section) throws Exception {
        StatementCounter counter = new StatementCounter(db.dataSource());
        ChatStore counted = Stores.open(db, counter);
        try {
            int n = 300;
            fill(counted, codec, templates, n);
            Outbox outbox = new Outbox(counted, x -> { }, Clock.systemUTC(), ParleySettings.OutboxSettings.DEFAULTS,
                    "bench-count");
            counter.reset();
            int handled = outbox.dispatchDue();
            String perItem = counter.perOperation(Math.max(1, handled));
            double statements = counter.statementsPerOperation(Math.max(1, handled));
            fill(counted, codec, templates, options.outboxItems());
            Outbox profiled = new Outbox(counted, x -> { }, Clock.systemUTC(),
                    ParleySettings.OutboxSettings.DEFAULTS, "bench-profile");
            ExecutorService pool = Harness.threads(1, "bench-outbox");
            Profiler.Profile profile;
            try {
                profile = Profiler.profile("bench-outbox", () -> rate(pool, 1, k -> profiled.dispatchDue()));
            } finally {
                pool.shutdownNow();
            }
            section.finding(String.format(Locale.ROOT, """
                    **Where an item's time goes (one dispatcher).** Round trips per item: %s (%.2f statements per \
                    item, the claim and the completion each shared by a batch of 100). JFR samples of the dispatcher \
                    thread: %s. Hottest innermost methods: %s.""", perItem, statements, profile.layersLine(),
                    profile.topMethodsLine(5)));
        } finally {
            IngestBenchmark.closeQuietly(counted);
        }
    }

    private static void fill(ChatStore store, NotificationCodec codec, List<NewChatNotification> templates, int n) {
        Instant now = Instant.now().minusSeconds(1);
        for (int from = 0; from < n; from += 500) {
            int start = from;
            store.transactions().run(() -> {
                for (int i = start; i < Math.min(n, start + 500); i++) {
                    NewChatNotification t = templates.get(i % templates.size());
                    store.outbox().insert(OutboxItem.pending(codec.kind(t), null, codec.encode(t), now, now));
                }
            });
        }
    }

    /** Items per second of {@code dispatchers} threads each running {@code pass} until it answers. */
    private static double rate(ExecutorService pool, int dispatchers, Pass pass) throws Exception {
        List<Future<Integer>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int k = 0; k < dispatchers; k++) {
            int id = k;
            futures.add(pool.submit(() -> pass.run(id)));
        }
        int handled = 0;
        for (Future<Integer> f : futures) {
            handled += f.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (handled == 0) {
            throw new IllegalStateException("no notification was dispatched");
        }
        return handled / seconds;
    }

    /** One dispatcher's pass. */
    @FunctionalInterface
    private interface Pass {
        int run(int dispatcher) throws Exception;
    }

    /**
     * The baseline: claim batches of 100 and commit; then either complete the batch in one transaction as Parley does
     * (mark the owner's items sent, flag the chats of the items marked, commit), or, {@code perItem}, mark each item
     * sent and flag its chat with one commit per item.
     */
    private static int rawDispatch(Database db, String owner, boolean perItem) throws Exception {
        String claim = "UPDATE " + Schema.OUTBOX + " SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM "
                + Schema.OUTBOX + " WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL "
                + "OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT 100 FOR UPDATE SKIP LOCKED) "
                + "RETURNING id, payload";
        int handled = 0;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            while (true) {
                List<long[]> batch = new ArrayList<>();
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement ps = c.prepareStatement(claim)) {
                    ps.setString(1, owner);
                    ps.setObject(2, now.plusMinutes(5));
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            batch.add(new long[] {rs.getLong(1), chatIdOf(rs.getString(2))});
                        }
                    }
                }
                c.commit();
                if (perItem) {
                    completeEach(c, batch);
                } else if (!batch.isEmpty()) {
                    completeBatch(c, owner, batch);
                }
                handled += batch.size();
                if (batch.size() < 100) {
                    c.setAutoCommit(true);
                    return handled;
                }
            }
        }
    }

    private static void completeBatch(Connection c, String owner, List<long[]> batch) throws Exception {
        String sent = "UPDATE " + Schema.OUTBOX + " SET status = 'SENT', attempts = attempts + 1, claimed_by = NULL, "
                + "claimed_until = NULL, last_error = NULL WHERE id = ANY(?) AND claimed_by = ? AND status = 'PENDING' "
                + "RETURNING id";
        String flag = "UPDATE " + Schema.CHAT + " SET email_notification_sent = true WHERE id = ANY(?) "
                + "AND NOT email_notification_sent";
        Set<Long> marked = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sent)) {
            s.setArray(1, c.createArrayOf("bigint", batch.stream().map(i -> i[0]).toArray()));
            s.setString(2, owner);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    marked.add(rs.getLong(1));
                }
            }
        }
        Object[] chats = batch.stream().filter(i -> marked.contains(i[0])).map(i -> i[1]).distinct().sorted()
                .toArray();
        try (PreparedStatement f = c.prepareStatement(flag)) {
            f.setArray(1, c.createArrayOf("bigint", chats));
            f.executeUpdate();
        }
        c.commit();
    }

    private static void completeEach(Connection c, List<long[]> batch) throws Exception {
        String sent = "UPDATE " + Schema.OUTBOX + " SET status = 'SENT', attempts = attempts + 1, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id = ?";
        String flag = "UPDATE " + Schema.CHAT + " SET email_notification_sent = true WHERE id = ?";
        for (long[] item : batch) {
            try (PreparedStatement s = c.prepareStatement(sent); PreparedStatement f = c.prepareStatement(flag)) {
                s.setLong(1, item[0]);
                s.executeUpdate();
                f.setLong(1, item[1]);
                f.executeUpdate();
            }
            c.commit();
        }
    }

    private static long chatIdOf(String payload) {
        int at = payload.indexOf("\"chatId\":");
        int end = at + 9;
        while (end < payload.length() && Character.isDigit(payload.charAt(end))) {
            end++;
        }
        return Long.parseLong(payload.substring(at + 9, end));
    }
}
