package dev.parley.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.Parley;
import dev.parley.chat.StartChat;
import dev.parley.chat.presence.Heartbeat;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes (two Spring contexts, each with its own HTTP server and pool) on one PostgreSQL: delivery
 * across nodes against delivery on the same node, many open streams on one node, and a soak of mixed load that
 * checks every stream for duplicates and gaps.
 */
final class ClusterBenchmark {

    static final String TITLE = "6. Two nodes on one PostgreSQL";
    static final int RATE = 500;
    private static final int SENDERS = 64;

    private final BenchOptions options;
    private final Harness harness;
    /** The rates at which the POSTs of the open-loop runs went out, for the findings. */
    private final List<String> sentRates = new ArrayList<>();

    ClusterBenchmark(BenchOptions options, Harness harness) {
        this.options = options;
        this.harness = harness;
    }

    Section run(Databases databases) throws Exception {
        Section section = new Section(TITLE, """
                Two nodes (two Spring contexts of the HTTP benchmark's application, each with its own server on \
                127.0.0.1 and its own pool) on one PostgreSQL database, following the event log through \
                LISTEN/NOTIFY, an admin online all along. **Cross-node delivery**: visitor POSTs to node A at %d \
                msg/s, open loop (as in section 5), timed from each message's due time to its `message` event on \
                an admin stream of node B, against the same messages' event on an admin stream of node A (same \
                run, same messages). **Many streams**: %d visitor streams opened on node A by a separate process \
                (raw sockets; the heap is this JVM's, the servers' side only), heap growth per stream after a full \
                GC against as many bare TCP connections to an idle server socket; then delivery to an admin stream \
                of A at %d msg/s posted as those visitors, against the same-node delivery without them. **Soak**: \
                %s of mixed load (chat starts and admin replies through both nodes' services, visitor messages \
                over HTTP to both nodes), two admin streams per node; every stream must carry every event once, \
                in one order, the same on all four.""".formatted(RATE, options.clusterStreams(), RATE,
                options.clusterSoak()), "Parley", "baseline", "Parley / baseline");
        if (!Stores.available() || !HttpBenchmark.springModuleAvailable()) {
            return section.finding("Not measured: the Spring module and the JPA store must both be in this build.");
        }
        if (!options.databases().contains(Database.Kind.POSTGRES)) {
            return section.finding("Not run: the cluster benchmark runs on PostgreSQL, which this run leaves out.");
        }
        try (Database db = databases.fresh(Database.Kind.POSTGRES, "cluster", 1)) {
            String url = ((HikariDataSource) db.dataSource()).getJdbcUrl();
            String secret = BenchTokens.secret();
            String token = BenchTokens.token(secret);
            try (Database poolA = Database.open(Database.Kind.POSTGRES, url, "postgres", "", 12);
                 Database poolB = Database.open(Database.Kind.POSTGRES, url, "postgres", "", 12);
                 ConfigurableApplicationContext a = node(poolA, secret, "a");
                 ConfigurableApplicationContext b = node(poolB, secret, "b")) {
                int portA = port(a);
                int portB = port(b);
                ScheduledExecutorService presence = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
                presence.scheduleWithFixedDelay(() -> a.getBean(Parley.class).presence().heartbeat("admin-0",
                        Heartbeat.onlineForAll()), 0, 30, TimeUnit.SECONDS);
                try {
                    double sameNodeP99 = crossNode(a, portA, portB, token, section);
                    manyStreams(a, portA, token, sameNodeP99, section);
                    section.finding("The open-loop POSTs went out at " + String.join(", ", sentRates) + " msg/s "
                            + "in the successive runs (due: " + RATE + "); below that, the sending connections were all "
                            + "waiting for answers and every delay includes that backlog.");
                    ClusterSoak.run(options.clusterSoak(), List.of(a, b), new int[] {portA, portB}, token,
                            section);
                } finally {
                    presence.shutdownNow();
                }
            }
        }
        return section;
    }

    /** A node on its own pool, with the store of every other benchmark (chat-jpa) on it. */
    private ConfigurableApplicationContext node(Database pool, String secret, String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.address", "127.0.0.1");
        p.put("server.port", "0");
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        p.put("parley.node-name", name);
        p.put("parley.admins[0].id", "admin-0");
        p.put("parley.admins[0].name", "Admin 0");
        p.put("parley.security.jwt-secret", secret);
        p.put("parley.web.rate-limit.enabled", "false");
        // the held visitor streams come from one address: lift the per-caller limits; admins keep 50 of their own
        String streams = String.valueOf(options.clusterStreams() + 100);
        p.put("parley.sse.max-clients", String.valueOf(options.clusterStreams() + 150));
        for (String limit : List.of("per-session", "per-address", "per-admin", "opens.capacity")) {
            p.put("parley.web.streams." + limit, streams);
        }
        p.put("parley.web.streams.admin-streams", "50");
        p.put("logging.level.dev.parley.chat.notification", "ERROR"); // no admin has an email here
        p.put("server.tomcat.max-connections", "-1");
        return new SpringApplicationBuilder(BenchApp.class).web(WebApplicationType.SERVLET).properties(p)
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("dataSource", pool.dataSource());
                    c.getBeanFactory().registerSingleton("parleyBenchStore", Stores.open(pool));
                })
                .run();
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port", "0"));
    }

    private int messages() {
        return Math.max(100, Math.min(options.httpMessages(), RATE * 5));
    }

    /** Cross-node against same-node delivery of the same messages; answers the same-node p99 in ms. */
    private double crossNode(ConfigurableApplicationContext a, int portA, int portB, String token, Section section)
            throws Exception {
        String[] sessions = sessions(a, 16, "Cross visitor ");
        int count = messages();
        for (int w = 0; w < options.warmups(); w++) {
            openLoop(portA, sessions, count, "bench-x-w" + w + "-", token, portA, portB);
        }
        int rounds = Math.max(1, harness.rounds());
        double[][] cross = new double[2][rounds];
        double[][] same = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            long[][] got = openLoop(portA, sessions, count, "bench-x-r" + r + "-", token, portA, portB);
            for (int q = 0; q < 2; q++) {
                same[q][r] = Harness.quantile(got[0], q == 0 ? 0.5 : 0.99) / 1e6;
                cross[q][r] = Harness.quantile(got[1], q == 0 ? 0.5 : 0.99) / 1e6;
            }
        }
        double p50 = Harness.median(cross[0]);
        double p50Same = Harness.median(same[0]);
        double p99 = Harness.median(cross[1]);
        double p99Same = Harness.median(same[1]);
        section.add(Row.of(TITLE, "PostgreSQL", "cross-node delivery p50 at " + RATE + " msg/s", "ms", p50, p50Same,
                p50 / p50Same).withNote("(baseline: the same messages on a stream of the node they were posted to)"));
        section.add(Row.of(TITLE, "PostgreSQL", "cross-node delivery p99 at " + RATE + " msg/s", "ms", p99, p99Same,
                p99 / p99Same).withTarget("p99 ≤ 100 ms and ≤ 2× same-node", p99 <= 100 && p99 / p99Same <= 2)
                .withNote("(baseline: the same messages on a stream of the node they were posted to)"));
        section.finding(String.format(Locale.ROOT, "Cross-node delivery: %d messages per run, %d warm-up and %d timed "
                + "runs; node B reads the log when node A's NOTIFY wakes its listener.", count, options.warmups(),
                rounds));
        return p99Same;
    }

    private void manyStreams(ConfigurableApplicationContext a, int portA, String token, double sameNodeP99,
            Section section) throws Exception {
        int n = options.clusterStreams();
        String[] sessions = sessions(a, n, "Stream visitor ");
        Path file = Files.createTempFile("parley-bench-sessions", ".txt");
        Files.write(file, List.of(sessions));
        double bare;
        try (ServerSocket idle = new ServerSocket(0, n + 10, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!idle.isClosed()) {
                        accepted.add(idle.accept());
                    }
                } catch (Exception e) {
                    // closed
                }
            }, "bench-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            long before = usedAfterGc();
            try (StreamHolder.Handle held = StreamHolder.Handle.start("bare", String.valueOf(idle.getLocalPort()),
                    String.valueOf(n))) {
                bare = Math.max(1, usedAfterGc() - before) / (double) n;
            }
            idle.close();
            for (Socket s : new ArrayList<>(accepted)) {
                s.close();
            }
        }
        long before = usedAfterGc();
        try (StreamHolder.Handle held = StreamHolder.Handle.start("visitor", String.valueOf(portA),
                file.toString())) {
            double perStream = Math.max(1, usedAfterGc() - before) / (double) n;
            section.add(Row.of(TITLE, "PostgreSQL", "heap per visitor stream (" + n + " open on one node)", "KB",
                    perStream / 1024, bare / 1024, perStream / bare).withTarget("≤ 15 KB (absolute)",
                    perStream / 1024 <= 15).withNote("(baseline: a bare TCP connection, server side)"));
            int count = messages();
            double[] p99 = new double[Math.max(1, harness.rounds())];
            for (int r = 0; r < p99.length; r++) {
                long[][] got = openLoop(portA, sessions, count, "bench-n-r" + r + "-", token, portA);
                p99[r] = Harness.quantile(got[0], 0.99) / 1e6;
            }
            double p = Harness.median(p99);
            section.add(Row.of(TITLE, "PostgreSQL", "delivery p99 at " + RATE + " msg/s, " + n + " streams open",
                    "ms", p, sameNodeP99, p / sameNodeP99).withTarget("p99 ≤ 50 ms (absolute)", p <= 50)
                    .withNote("(baseline: same-node delivery without these streams)"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Starts chats on the node through its services, in parallel; answers their session ids. */
    private static String[] sessions(ConfigurableApplicationContext node, int n, String name) throws Exception {
        Parley parley = node.getBean(Parley.class);
        String[] sessions = new String[n];
        ExecutorService pool = Harness.threads(8, "bench-chat-start");
        try {
            List<Future<?>> work = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        sessions[i] = parley.chats().startChat(new StartChat(name + i, null, null, null, "Hello"))
                                .sessionId();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return sessions;
    }

    /**
     * One open-loop run: message n is due at start + n / RATE, goes out on the next free of SENDERS connections to
     * {@code postPort} as visitor n; answers, per admin stream (one per port given), the sorted delays from due time
     * to the event.
     */
    private long[][] openLoop(int postPort, String[] sessions, int count, String mark, String token,
            int... streamPorts) throws Exception {
        List<AdminStream> streams = new ArrayList<>();
        Http1[] connections = new Http1[SENDERS];
        ExecutorService senders = Harness.threads(SENDERS, "bench-cluster-sender");
        try {
            for (int p : streamPorts) {
                streams.add(AdminStream.open(p, token, mark, count));
            }
            for (int w = 0; w < SENDERS; w++) {
                connections[w] = new Http1(postPort);
            }
            long period = 1_000_000_000L / RATE;
            long start = System.nanoTime() + 20_000_000L;
            AtomicInteger next = new AtomicInteger();
            java.util.concurrent.atomic.AtomicLong lastSent = new java.util.concurrent.atomic.AtomicLong();
            List<Future<?>> work = new ArrayList<>();
            for (Http1 connection : connections) {
                work.add(senders.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        long due = start + n * period;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        lastSent.accumulateAndGet(System.nanoTime(), Math::max);
                        connection.postMessage(sessions[n % sessions.length], mark + n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            sentRates.add(String.format(Locale.ROOT, "%.0f", (count - 1) / Math.max(1e-9,
                    (lastSent.get() - start) / 1e9)));
            long[][] out = new long[streams.size()][];
            for (int s = 0; s < streams.size(); s++) {
                AdminStream stream = streams.get(s);
                if (!stream.awaitAll(30 + count / RATE, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("an admin stream missed messages of " + mark);
                }
                long[] delays = new long[count];
                for (int i = 0; i < count; i++) {
                    delays[i] = stream.received(i) - (start + i * period);
                }
                java.util.Arrays.sort(delays);
                out[s] = delays;
            }
            return out;
        } finally {
            senders.shutdownNow();
            for (Http1 c : connections) {
                if (c != null) {
                    c.close();
                }
            }
            streams.forEach(AdminStream::close);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
