package dev.parley.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.Parley;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.presence.Heartbeat;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * HTTP end to end through the Spring module (the demo's configuration, on PostgreSQL, on loopback): message POSTs
 * per second and their latency against the same messages through the core in the same process; SSE delivery latency
 * from a visitor POST to the admin stream at 500 messages per second; heap per open SSE client against a bare TCP
 * connection.
 *
 * <p>The load is driven over plain keep-alive HTTP/1.1 sockets ({@link Http1}), one per sending thread, so that the
 * generator spends little of the cores it shares with the server and the database: the JDK {@code HttpClient} hands
 * every request through its selector and executor threads, and on two cores its asynchronous API starts a new thread
 * per answer (the common pool has one thread there, so {@code CompletableFuture} falls back to a thread per task).
 */
final class HttpBenchmark {

    static final String TITLE = "5. HTTP end to end";
    /** The servlet container on the classpath: Jetty, as in the demo, or Tomcat (built with -Dtomcat). */
    static final String SERVER = classPresent("org.eclipse.jetty.server.Server") ? "Jetty" : "Tomcat";
    private static final int CONCURRENCY = 8;
    /** The most extra warm-up rounds (POSTs) or runs (open loop, per rate) while the JIT compilers are busy. */
    static final int MAX_JIT_WARMUPS = 15;

    private final BenchOptions options;
    private final Harness harness;

    HttpBenchmark(BenchOptions options, Harness harness) {
        this.options = options;
        this.harness = harness;
    }

    Section run(Databases databases) throws Exception {
        String container = SERVER.equals("Jetty")
                ? "on Jetty, the demo's servlet container; built with `-Dtomcat`, this section runs on Tomcat"
                : "on Tomcat (built with `-Dtomcat`; the demo runs on Jetty)";
        Section section = new Section(TITLE, """
                The Spring module with the demo's starters (`spring-boot-starter-webmvc` %s, \
                `spring-boot-starter-jdbc`, `chat-jpa`) on PostgreSQL, on 127.0.0.1, driven over plain keep-alive \
                HTTP/1.1 sockets, one per sending thread (a lean generator: it shares the cores with the server and \
                the database), with an admin online all along. The JIT compilers take about one of the two cores \
                for the first minute of this load, so both paths (full mode) first run until they use under a tenth \
                of a round. **POSTs**: `POST /api/v1/chat` continuing a chat from %d concurrent senders, against the \
                same messages through `chats().postVisitorMessage` in the same process (what HTTP, JSON and Spring \
                add). **SSE**: visitor POSTs over 16 chats at %d msg/s, and at %d msg/s for reference, open loop: \
                message n is due at start + n / rate and goes out on the next free of %d connections; latency from \
                its due time to its `message` event on an admin stream (read from a raw socket), against the latency \
                of the POST itself from the same due time; warm-up runs, then timed runs, each figure the median \
                over them. **Heap**: growth of the used heap after a full GC when %d more admin streams open (raw \
                sockets as clients) with as many open already (so that request objects that the container \
                recycled from the load before do not lower the figure), per stream, against the same number of \
                bare TCP connections to an idle in-process server socket.""".formatted(
                container, CONCURRENCY, SseLatency.RATE, SseLatency.LOW_RATE, SseLatency.SENDERS,
                options.sseClients()),
                "Parley", "baseline", "Parley / baseline");
        if (!Stores.available() || !springModuleAvailable()) {
            return section.finding("Not measured: the Spring module (`chat-spring-autoconfigure`: HTTP API and SSE "
                    + "streams) and the JPA store must both be in this build; at least one is not yet.");
        }
        if (!options.databases().contains(Database.Kind.POSTGRES)) {
            section.finding("Not run: the HTTP benchmark runs on PostgreSQL, which this run leaves out.");
            return section;
        }
        try (Database db = databases.fresh(Database.Kind.POSTGRES, "http", 16)) {
            String secret = secret();
            try (ConfigurableApplicationContext ctx = start(db, secret)) {
                int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port", "0"));
                Parley parley = ctx.getBean(Parley.class);
                // an admin stays online all along, as with a dashboard open (a heartbeat lasts 2 minutes): the
                // messages take the same path however long the run is
                ScheduledExecutorService presence = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
                presence.scheduleWithFixedDelay(() -> parley.presence().heartbeat("admin-0", Heartbeat.onlineForAll()),
                        0, 30, TimeUnit.SECONDS);
                try {
                    HttpLoad http = new HttpLoad(port);
                    posts(http, port, parley, section);
                    SseLatency sse = new SseLatency(options, harness);
                    sse.run(http, port, token(secret), SseLatency.LOW_RATE, db, section);
                    sse.run(http, port, token(secret), SseLatency.RATE, db, section);
                    SseHeap.measure(options.sseClients(), port, token(secret), section);
                } finally {
                    presence.shutdownNow();
                }
            }
        }
        return section;
    }

    static boolean springModuleAvailable() {
        return classPresent("dev.parley.chat.spring.ParleyAutoConfiguration");
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, HttpBenchmark.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Whether the thread is the servlet container's: Jetty's pool ("qtp" + its hash) or Tomcat's connector's. */
    static boolean serverThread(String name) {
        return name.startsWith("qtp") || name.startsWith("http-nio");
    }

    private ConfigurableApplicationContext start(Database db, String secret) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.address", "127.0.0.1");
        p.put("server.port", "0");
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        p.put("parley.admins[0].id", "admin-0");
        p.put("parley.admins[0].name", "Admin 0");
        p.put("parley.admins[0].email", "admin0@example.com");
        p.put("parley.admins[0].role", "agent");
        p.put("parley.security.jwt-secret", secret);
        p.put("parley.web.rate-limit.enabled", "false");
        String streams = String.valueOf(2 * options.sseClients() + 50);
        p.put("parley.sse.max-clients", streams);
        // one admin and one client address hold every stream of the benchmark: lift the per-caller stream limits
        for (String limit : List.of("per-session", "per-address", "admin-streams", "per-admin", "opens.capacity")) {
            p.put("parley.web.streams." + limit, streams);
        }
        return new SpringApplicationBuilder(BenchApp.class).web(WebApplicationType.SERVLET).properties(p)
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("dataSource", db.dataSource());
                    // the same store (chat-jpa on the benchmark's pool) as every other benchmark
                    c.getBeanFactory().registerSingleton("parleyBenchStore", Stores.open(db));
                })
                .run();
    }

    private void posts(HttpLoad http, int port, Parley parley, Section section) throws Exception {
        String[] sessions = new String[CONCURRENCY];
        Http1[] connections = new Http1[CONCURRENCY];
        for (int t = 0; t < CONCURRENCY; t++) {
            sessions[t] = http.startChat("Visitor " + t);
            connections[t] = new Http1(port);
        }
        int perThread = Math.max(1, options.httpMessages() / CONCURRENCY);
        ExecutorService pool = Harness.threads(CONCURRENCY, "bench-http");
        ConcurrentLinkedQueue<Long> httpNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> coreNanos = new ConcurrentLinkedQueue<>();
        try {
            // the JIT compilers take about one of two cores for the first minute of this load: both paths run until
            // they use under a tenth of a round (full mode), then the harness's own warm-up and timed rounds
            int warmups = 0;
            boolean compiling = options.mode().equals("full");
            while (compiling && warmups < MAX_JIT_WARMUPS) {
                long jit = CpuMeter.jitMillis();
                long t0 = System.nanoTime();
                Harness.throughput(pool, CONCURRENCY, Math.max(1, perThread / 4),
                        (t, i) -> connections[t].postMessage(sessions[t], "Warming up over HTTP " + i));
                Harness.throughput(pool, CONCURRENCY, Math.max(1, perThread / 4), (t, i) -> parley.chats()
                        .postVisitorMessage(VisitorMessage.text(sessions[t], "Warming up in process " + i)));
                compiling = (CpuMeter.jitMillis() - jit) * 1e6 > 0.1 * (System.nanoTime() - t0);
                warmups++;
            }
            Harness.Pair p = harness.paired(
                    () -> {
                        httpNanos.clear();
                        return Harness.throughput(pool, CONCURRENCY, perThread, (t, i) -> {
                            long t0 = System.nanoTime();
                            connections[t].postMessage(sessions[t], "Hello over HTTP " + i);
                            httpNanos.add(System.nanoTime() - t0);
                        });
                    },
                    () -> {
                        coreNanos.clear();
                        return Harness.throughput(pool, CONCURRENCY, perThread, (t, i) -> {
                            long t0 = System.nanoTime();
                            parley.chats().postVisitorMessage(VisitorMessage.text(sessions[t], "Hello in process " + i));
                            coreNanos.add(System.nanoTime() - t0);
                        });
                    });
            section.add(Row.of(TITLE, "PostgreSQL", "message POSTs, " + CONCURRENCY + " concurrent", "msg/s",
                    p.candidate(), p.baseline(), p.ratio()).withNote("(baseline: the core in process)"));
            if (warmups > 0) {
                section.finding("POSTs: " + warmups + " extra warm-up round(s) of both paths, until the JIT compilers "
                        + "used under a tenth of a round, before the harness's rounds.");
            }
            long[] h = sorted(httpNanos);
            if (options.profile()) {
                // after the timed rounds, like every profile here: one more round of POSTs under JFR
                RequestProfile profile = RequestProfile.start();
                Harness.throughput(pool, CONCURRENCY, Math.max(1, perThread / 2),
                        (t, i) -> connections[t].postMessage(sessions[t], "Hello under JFR " + i));
                section.finding("**Where a POST's time goes in the server** (after the timed rounds, one more round "
                        + "of POSTs under JDK Flight Recorder): " + profile.stop());
            }
            long[] c = sorted(coreNanos);
            for (double q : new double[] {0.5, 0.99}) {
                double hm = Harness.quantile(h, q) / 1e6;
                double cm = Harness.quantile(c, q) / 1e6;
                section.add(Row.of(TITLE, "PostgreSQL", "POST latency p" + (int) (q * 100), "ms", hm, cm, hm / cm)
                        .withNote("(baseline: the core in process; last round)"));
            }
            againstBareServlet(pool, port, sessions, connections, perThread, section);
        } finally {
            pool.shutdownNow();
            for (Http1 c : connections) {
                c.close();
            }
        }
    }

    /**
     * The same POSTs against {@link BareChatServlet} on the same server: what Spring MVC and Parley's web layer add
     * to the least any servlet must do (read the JSON, call the core, write the envelope).
     */
    private void againstBareServlet(ExecutorService pool, int port, String[] sessions, Http1[] api, int perThread,
            Section section) throws Exception {
        Http1[] bare = new Http1[CONCURRENCY];
        ConcurrentLinkedQueue<Long> apiNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> bareNanos = new ConcurrentLinkedQueue<>();
        try {
            for (int t = 0; t < CONCURRENCY; t++) {
                bare[t] = new Http1(port, BareChatServlet.PATH);
            }
            Harness.throughput(pool, CONCURRENCY, Math.max(1, perThread / 4),
                    (t, i) -> bare[t].postMessage(sessions[t], "Warming up the bare servlet " + i));
            Harness.Pair p = harness.paired(
                    () -> timed(pool, perThread, apiNanos, (t, i) -> api[t].postMessage(sessions[t], "Hello " + i)),
                    () -> timed(pool, perThread, bareNanos, (t, i) -> bare[t].postMessage(sessions[t], "Hi " + i)));
            section.add(Row.of(TITLE, "PostgreSQL", "message POSTs, " + CONCURRENCY + " concurrent, against a bare "
                    + "servlet", "msg/s", p.candidate(), p.baseline(), p.ratio())
                    .withNote("(baseline: `BareChatServlet`, same JSON, core method and answer; target ≥ 0.80×)"));
            long[] a = sorted(apiNanos);
            long[] b = sorted(bareNanos);
            double am = Harness.quantile(a, 0.99) / 1e6;
            double bm = Harness.quantile(b, 0.99) / 1e6;
            section.add(Row.of(TITLE, "PostgreSQL", "POST latency p99, against a bare servlet", "ms", am, bm, am / bm)
                    .withNote("(baseline: `BareChatServlet`; last round)"));
            if (options.profile()) {
                RequestProfile profile = RequestProfile.start();
                Harness.throughput(pool, CONCURRENCY, Math.max(1, perThread / 2),
                        (t, i) -> bare[t].postMessage(sessions[t], "Bare under JFR " + i));
                section.finding("**Where a bare servlet's POST time goes in the server** (one round under JDK "
                        + "Flight Recorder, as above): " + profile.stop());
            }
        } finally {
            for (Http1 c : bare) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    private static double timed(ExecutorService pool, int perThread, ConcurrentLinkedQueue<Long> nanos,
            Harness.Op op) throws Exception {
        nanos.clear();
        return Harness.throughput(pool, CONCURRENCY, perThread, (t, i) -> {
            long t0 = System.nanoTime();
            op.run(t, i);
            nanos.add(System.nanoTime() - t0);
        });
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String secret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String token(String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("admin-0").issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
