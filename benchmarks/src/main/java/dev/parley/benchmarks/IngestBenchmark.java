package dev.parley.benchmarks;

import dev.parley.Parley;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.ChatStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * Visitor messages through {@code Parley.chats().postVisitorMessage} against a raw JDBC single-row INSERT + COMMIT of
 * the same message row into the same table, with the same HikariCP pool and the same number of threads. An admin is
 * online, so messages take the common path (no offline notification); each thread writes to its own four chats.
 */
final class IngestBenchmark {

    static final String TITLE = "1. Message ingest";
    private static final String TEXT = "Hello, I have a question about my last order";
    private static final int CHATS_PER_THREAD = 4;
    /** Timed rounds per figure in full mode. */
    private static final int FULL_ROUNDS = 7;
    /** The most warm-up runs while the JIT compilers are still busy with Parley's path. */
    private static final int MAX_JIT_WARMUPS = 12;
    /** The sum columns of chat-jpa's rollup table, {@code message_sum} last. */
    private static final String ROLLUP_SUMS = "total, active, resolved, rated, rating_sum, rating_1, rating_2,"
            + " rating_3, rating_4, rating_5, responded, response_time_sum, timed_resolutions, resolution_time_sum,"
            + " message_sum";

    private final BenchOptions options;
    private final Harness harness;

    IngestBenchmark(BenchOptions options, Harness harness) {
        this.options = options;
        // a round is short (about a second) and the ratio moves with the machine's load: more rounds in full mode
        this.harness = options.mode().equals("full") ? harness.withAtLeastRounds(FULL_ROUNDS) : harness;
    }

    Section run(Databases databases) throws Exception {
        Section section = new Section(TITLE, """
                Parley: `postVisitorMessage` on an existing chat while an admin is online. On PostgreSQL the store \
                starts from its copy of the chat as it last wrote it and writes the message, the chat and its \
                rollup rows in one statement that applies only while the chat row is unchanged (`WITH c AS \
                (UPDATE … RETURNING) INSERT …`, autocommit; a stale copy costs a read and a second try); on H2 one \
                transaction locks the chat, inserts the message, updates the chat and upserts its rollup rows. \
                Baseline: raw JDBC `INSERT` of an equivalent row into the same message table (id from the same \
                sequence, inside the `INSERT`) + `COMMIT`, connection taken from the same pool per message. The rows \
                "same statements in raw JDBC" time, against the same baseline, hand-written JDBC doing what Parley \
                does on the database (on PostgreSQL one `WITH` statement updating the chat's counters and time, \
                inserting the message and updating its two rollup rows; on H2 `SELECT … FOR UPDATE`, `INSERT`, \
                `UPDATE` of the chat, `UPDATE` of the rollup, `COMMIT`): the bound that the work itself sets, \
                without Hibernate or Parley. Figures are messages per second; each round posts \
                """ + options.ingestMessages() + " messages split over the threads" + (options.mode().equals("full")
                ? "; a round lasts about a second, so each figure is the median of " + FULL_ROUNDS + " rounds." : "."),
                "Parley", "raw JDBC", "Parley / raw JDBC, higher is better");
        if (!Stores.available()) {
            return section.finding("Not measured: " + Stores.notAvailable() + ".");
        }
        int maxThreads = Collections.max(options.ingestThreads());
        for (Database.Kind kind : Database.Kind.values()) {
            if (!options.databases().contains(kind)) {
                continue;
            }
            try (Database db = databases.fresh(kind, "ingest", maxThreads + 2)) {
                measure(db, maxThreads, section);
            }
        }
        return section;
    }

    private void measure(Database db, int maxThreads, Section section) throws Exception {
        ChatStore store = Stores.open(db);
        try (Parley parley = Stores.parley(store, Clock.systemUTC())) {
            parley.presence().heartbeat("admin-0", Heartbeat.onlineForAll());
            String[][] sessions = new String[maxThreads][CHATS_PER_THREAD];
            long[][] chatIds = new long[maxThreads][CHATS_PER_THREAD];
            long[][] buckets = new long[maxThreads][CHATS_PER_THREAD];
            for (int t = 0; t < maxThreads; t++) {
                for (int k = 0; k < CHATS_PER_THREAD; k++) {
                    var started = parley.chats().startChat(new StartChat("Visitor " + t + "-" + k, null, null,
                            ChatGenerator.DEPARTMENTS.get(k), "Hello"));
                    sessions[t][k] = started.chat().sessionId();
                    chatIds[t][k] = started.chat().id();
                    buckets[t][k] = Math.floorDiv(started.chat().createdAt().getEpochSecond(), 900) * 900;
                }
            }
            String insert = "INSERT INTO " + Schema.MESSAGE + " (" + Schema.MESSAGE_COLUMNS + ") VALUES ("
                    + Schema.nextId(db, Schema.MESSAGE_SEQUENCE) + ", ?, ?, ?, ?, ?, ?)";
            Harness.Op viaParley = (t, i) -> parley.chats().postVisitorMessage(
                    VisitorMessage.text(sessions[t][i % CHATS_PER_THREAD], TEXT));
            Harness.Op raw = (t, i) -> {
                try (Connection c = db.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        DataLoader.bind(ps, new Object[] {chatIds[t][i % CHATS_PER_THREAD],
                            "VISITOR", null, TEXT, "TEXT", OffsetDateTime.now(ZoneOffset.UTC).toInstant()});
                        ps.executeUpdate();
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
            };
            Harness.Op sameStatements = (t, i) -> sameStatements(db, sessions[t][i % CHATS_PER_THREAD],
                    chatIds[t][i % CHATS_PER_THREAD], buckets[t][i % CHATS_PER_THREAD],
                    ChatGenerator.DEPARTMENTS.get(i % CHATS_PER_THREAD));
            boolean warm = false;
            for (int threads : options.ingestThreads()) {
                int perThread = Math.max(1, options.ingestMessages() / threads);
                ExecutorService pool = Harness.threads(threads, "bench-ingest");
                try {
                    if (!warm && options.mode().equals("full")) {
                        warm = true;
                        int runs = Harness.untilJitSettles(MAX_JIT_WARMUPS,
                                () -> Harness.throughput(pool, threads, perThread, viaParley),
                                () -> Harness.throughput(pool, threads, perThread, raw),
                                () -> Harness.throughput(pool, threads, perThread, sameStatements));
                        section.finding(db.shortName() + ": " + runs + " warm-up run(s) of all three paths before the"
                                + " first figure, until the JIT compilers used under a tenth of a run.");
                    }
                    Harness.Pair p = harness.paired(() -> Harness.throughput(pool, threads, perThread, viaParley),
                            () -> Harness.throughput(pool, threads, perThread, raw));
                    section.add(Row.of(TITLE, db.shortName(), threads + (threads == 1 ? " thread" : " threads"),
                            "msg/s", p.candidate(), p.baseline(), p.ratio())
                            .withTarget("≥ 0.60×", p.ratio() >= 0.6));
                    Harness.Pair same = harness.paired(
                            () -> Harness.throughput(pool, threads, perThread, sameStatements),
                            () -> Harness.throughput(pool, threads, perThread, raw));
                    section.add(Row.of(TITLE, db.shortName(), threads + (threads == 1 ? " thread" : " threads")
                            + ", same statements in raw JDBC", "msg/s", same.candidate(), same.baseline(),
                            same.ratio()).withNote("the work's own bound: Parley reaches "
                            + String.format(Locale.ROOT, "%.2f", p.candidate() / same.candidate()) + " of it"));
                } finally {
                    pool.shutdownNow();
                }
            }
            if (options.profile()) {
                explain(db, parley, sessions, raw, viaParley, section);
            }
        } finally {
            closeQuietly(store);
        }
    }

    /**
     * What Parley does on the database for one message, in hand-written JDBC: on PostgreSQL its one statement (chat
     * update, message insert and rollup update as data-modifying CTEs, in autocommit), on H2 its locking
     * transaction.
     */
    private static void sameStatements(Database db, String sessionId, long chatId, long bucket, String department)
            throws Exception {
        Instant now = Instant.now();
        if (db.isPostgres()) {
            sameStatementPostgres(db, sessionId, chatId, bucket, department, now);
            return;
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT id, status, total_messages FROM "
                    + Schema.CHAT + " WHERE session_id = ? FOR UPDATE")) {
                lock.setString(1, sessionId);
                lock.executeQuery().close();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + Schema.MESSAGE
                    + " (chat_id, sender, sender_id, message, message_type, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                DataLoader.bind(insert, new Object[] {chatId, "VISITOR", null, TEXT, "TEXT", now});
                insert.executeUpdate();
                insert.getGeneratedKeys().close();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE " + Schema.CHAT + " SET status = 'ACTIVE',"
                    + " updated_at = ?, last_message_at = ?, total_messages = total_messages + 1,"
                    + " visitor_messages = visitor_messages + 1 WHERE id = ?")) {
                DataLoader.bind(update, new Object[] {now, now, chatId});
                update.executeUpdate();
            }
            try (PreparedStatement rollup = c.prepareStatement("UPDATE parley_chat_rollup SET message_sum ="
                    + " message_sum + 1 WHERE bucket_start = ? AND department = ?")) {
                rollup.setLong(1, bucket);
                rollup.setString(2, department);
                rollup.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static void sameStatementPostgres(Database db, String sessionId, long chatId, long bucket,
            String department, Instant now) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("WITH c AS (UPDATE " + Schema.CHAT + " SET status = 'ACTIVE',"
                     + " updated_at = ?, last_message_at = ?, total_messages = total_messages + 1,"
                     + " visitor_messages = visitor_messages + 1 WHERE id = ? AND session_id = ? RETURNING *),"
                     + " m AS (INSERT INTO " + Schema.MESSAGE + " (chat_id, sender, sender_id, message, message_type,"
                     + " created_at) SELECT id, 'VISITOR', NULL, ?, 'TEXT', ? FROM c RETURNING id),"
                     + " r AS (INSERT INTO parley_chat_rollup (granularity, bucket_start, department, stripe, "
                     + ROLLUP_SUMS + ") SELECT v.* FROM c, (VALUES (0, ?, ?, 0" + ", 0".repeat(14) + ", 1),"
                     + " (1, ?, ?, ?" + ", 0".repeat(14) + ", 1)) AS v ON CONFLICT (granularity, bucket_start,"
                     + " department, stripe) DO UPDATE SET message_sum = parley_chat_rollup.message_sum + 1)"
                     + " SELECT m.id, c.* FROM m, c")) {
            DataLoader.bind(s, new Object[] {now, now, chatId, sessionId, TEXT, now, bucket, department,
                Math.floorDiv(bucket, 86_400L), department, (int) Math.floorMod(chatId, 8L)});
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        }
    }

    private void explain(Database db, Parley parley, String[][] sessions, Harness.Op raw, Harness.Op viaParley,
            Section section) throws Exception {
        StatementCounter counter = new StatementCounter(db.dataSource());
        ChatStore counted = Stores.open(db, counter);
        try (Parley p2 = Stores.parley(counted, Clock.systemUTC())) {
            int n = 50;
            for (int i = 0; i < 5; i++) {
                p2.chats().postVisitorMessage(VisitorMessage.text(sessions[0][i % CHATS_PER_THREAD], TEXT));
            }
            counter.reset();
            for (int i = 0; i < n; i++) {
                p2.chats().postVisitorMessage(VisitorMessage.text(sessions[0][i % CHATS_PER_THREAD], TEXT));
            }
            String perMessage = counter.perOperation(n);
            int threads = Math.min(4, Collections.max(options.ingestThreads()));
            int perThread = Math.max(1, options.ingestMessages() / threads);
            ExecutorService pool = Harness.threads(threads, "bench-ingest");
            Profiler.Profile profile;
            try {
                profile = Profiler.profile("bench-ingest", () -> {
                    for (int r = 0; r < 3; r++) {
                        Harness.throughput(pool, threads, perThread, viaParley);
                    }
                });
            } finally {
                pool.shutdownNow();
            }
            section.finding(String.format(Locale.ROOT, """
                    **%s — where a message's time goes.** Round trips per message through Parley: %s \
                    (%.1f statements, against 1 INSERT + 1 COMMIT for the baseline). JFR samples of the \
                    ingest threads (%d threads): %s. Hottest innermost methods: %s.""",
                    db.shortName(), perMessage, counter.statementsPerOperation(n), threads, profile.layersLine(),
                    profile.topMethodsLine(5)));
        } finally {
            closeQuietly(counted);
        }
    }

    static void closeQuietly(Object store) {
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing to do at the end of a benchmark
            }
        }
    }
}
