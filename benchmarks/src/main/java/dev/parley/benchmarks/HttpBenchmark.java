package dev.parley.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.Parley;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.presence.Heartbeat;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;
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
    private static final int SSE_RATE = 500;
    private static final int SSE_LOW_RATE = 100;
    /** Connections (one thread each) of the open-loop sender: well above the messages in flight at 500 msg/s. */
    private static final int SSE_SENDERS = 64;
    private static final String MARK = "bench-sse-";
    /** The most extra warm-up rounds (POSTs) or runs (open loop, per rate) while the JIT compilers are busy. */
    private static final int MAX_JIT_WARMUPS = 15;

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
                container, CONCURRENCY, SSE_RATE, SSE_LOW_RATE, SSE_SENDERS, options.sseClients()),
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
                    sse(http, port, token(secret), SSE_LOW_RATE, db, section);
                    sse(http, port, token(secret), SSE_RATE, db, section);
                    heap(port, token(secret), section);
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
        p.put("parley.sse.max-clients", String.valueOf(2 * options.sseClients() + 50));
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
        } finally {
            pool.shutdownNow();
            for (Http1 c : connections) {
                c.close();
            }
        }
    }

    /**
     * One open-loop run's latencies, in nanoseconds from each message's due time, of the messages delivered.
     *
     * @param delivery to the {@code message} event on the admin stream, sorted
     * @param post     to the POST's answer, sorted
     * @param lag      to the POST going out (late only while every connection waits for an answer), sorted
     * @param count    messages due
     * @param seconds  from the first due time to the last delivery
     * @param sentRate the rate at which the POSTs went out
     * @param failure  the first failed POST, or null
     */
    private record SseRun(long[] delivery, long[] post, long[] lag, int count, double seconds, double sentRate,
            @Nullable String failure) {

        double deliveryMillis(double q) {
            return delivery.length == 0 ? Double.NaN : Harness.quantile(delivery, q) / 1e6;
        }

        double postMillis(double q) {
            return post.length == 0 ? Double.NaN : Harness.quantile(post, q) / 1e6;
        }
    }

    /** Warm-up runs, then timed runs of the open loop at the rate; each figure is the median over the timed runs. */
    private void sse(HttpLoad http, int port, String token, int rate, Database db, Section section) throws Exception {
        String[] sessions = new String[16];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = http.startChat("SSE visitor " + i);
        }
        int count = Math.max(50, Math.min(options.httpMessages(), rate * 5));
        Http1[] connections = new Http1[SSE_SENDERS];
        for (int w = 0; w < SSE_SENDERS; w++) {
            connections[w] = new Http1(port);
        }
        ExecutorService senders = Harness.threads(SSE_SENDERS, "bench-sse-sender");
        try {
            // the JIT compilers take about one of two cores for the first minute of this load: warm up until they
            // use under a tenth of a run (full mode), so that the timed runs measure the server, not its warm-up
            int warmups = 0;
            boolean compiling;
            do {
                long jit = CpuMeter.jitMillis();
                long t0 = System.nanoTime();
                sseRun(port, token, rate, count, "w" + warmups, sessions, connections, senders);
                compiling = (CpuMeter.jitMillis() - jit) * 1e6 > 0.1 * (System.nanoTime() - t0);
                warmups++;
            } while (warmups < options.warmups()
                    || compiling && options.mode().equals("full") && warmups < MAX_JIT_WARMUPS);
            int rounds = Math.max(1, harness.rounds());
            CpuMeter cpu = CpuMeter.start(db);
            List<SseRun> runs = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                runs.add(sseRun(port, token, rate, count, "r" + r, sessions, connections, senders));
            }
            String cpuUse = cpu.stop(count * rounds, rate);
            for (double q : new double[] {0.5, 0.99}) {
                double dm = Harness.median(runs.stream().mapToDouble(x -> x.deliveryMillis(q)).toArray());
                double pm = Harness.median(runs.stream().mapToDouble(x -> x.postMillis(q)).toArray());
                Row row = Row.of(TITLE, "PostgreSQL", "SSE delivery p" + (int) (q * 100) + " at " + rate + " msg/s",
                        "ms", dm, pm, dm / pm).withNote("(baseline: the POST's own latency)");
                section.add(q == 0.99 && rate == SSE_RATE ? row.withTarget("p99 ≤ 50 ms (absolute)", dm <= 50) : row);
            }
            StringBuilder each = new StringBuilder();
            for (SseRun run : runs) {
                each.append(each.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "%d of %d delivered in %.1f s, POSTs out at %.0f msg/s, p99 %.1f ms late, delivery p50/p99 "
                        + "%.1f/%.1f ms%s", run.delivery().length, run.count(), run.seconds(), run.sentRate(),
                        run.lag().length == 0 ? 0 : Harness.quantile(run.lag(), 0.99) / 1e6, run.deliveryMillis(0.5),
                        run.deliveryMillis(0.99), run.failure() == null ? "" : " (a POST failed: " + run.failure() + ")"));
            }
            section.finding(String.format(Locale.ROOT, "SSE runs at %d msg/s (%d warm-up, until the JIT compilers "
                    + "used under a tenth of a run, then %d timed; a POST is late only while all %d connections are "
                    + "waiting for answers): %s.", rate, warmups, rounds, SSE_SENDERS, each));
            section.finding("**Where the CPU goes at " + rate + " msg/s** (CPU time over the timed runs, per message): "
                    + cpuUse);
        } finally {
            senders.shutdownNow();
            for (Http1 c : connections) {
                c.close();
            }
        }
    }

    /** One open-loop run: message n is due at start + n / rate and goes out on the next free connection. */
    private static SseRun sseRun(int port, String token, int rate, int count, String run, String[] sessions,
            Http1[] connections, ExecutorService senders) throws Exception {
        String mark = MARK + run + "-";
        long[] sent = new long[count];
        long[] answered = new long[count];
        AtomicReference<String> failure = new AtomicReference<>();
        try (AdminStream stream = AdminStream.open(port, token, mark, count)) {
            long periodNanos = 1_000_000_000L / rate;
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime() + 20_000_000L;
            List<Future<?>> work = new ArrayList<>();
            for (Http1 connection : connections) {
                work.add(senders.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        long due = start + n * periodNanos;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        sent[n] = System.nanoTime();
                        try {
                            connection.postMessage(sessions[n % sessions.length], mark + n);
                            answered[n] = System.nanoTime();
                        } catch (Exception e) {
                            answered[n] = -1;
                            failure.compareAndSet(null, e.toString());
                        }
                    }
                    return null;
                }));
            }
            stream.awaitAll(30 + count / rate, TimeUnit.SECONDS);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            long end = Math.max(stream.lastReceived(), start);
            long[] delivery = new long[count];
            long[] post = new long[count];
            long[] lag = new long[count];
            int got = 0;
            for (int i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                long received = stream.received(i);
                if (received > 0 && sent[i] > 0) {
                    delivery[got] = received - due;
                    post[got] = answered[i] > 0 ? answered[i] - due : delivery[got];
                    lag[got] = sent[i] - due;
                    got++;
                }
            }
            long firstSent = Arrays.stream(sent).filter(t -> t > 0).min().orElse(0);
            long lastSent = Arrays.stream(sent).max().orElse(0);
            double sentRate = lastSent > firstSent ? (count - 1) / ((lastSent - firstSent) / 1e9) : 0;
            return new SseRun(sortedCopy(delivery, got), sortedCopy(post, got), sortedCopy(lag, got), count,
                    (end - start) / 1e9, sentRate, failure.get());
        }
    }

    private static long[] sortedCopy(long[] values, int n) {
        long[] out = Arrays.copyOf(values, n);
        Arrays.sort(out);
        return out;
    }

    private void heap(int port, String token, Section section) throws Exception {
        int n = options.sseClients();
        String get = "GET /api/v1/admin/chat/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        SocketOpener stream = () -> {
            Socket s = new Socket("127.0.0.1", port);
            OutputStream out = s.getOutputStream();
            out.write(get.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitConnected(s.getInputStream());
            return s;
        };
        // n streams first: they take the request objects that the container recycled from the load before (Tomcat
        // caches up to 200 request processors), so that the n measured streams each cost what a further stream costs
        List<Socket> first = new ArrayList<>(n);
        AtomicReference<String> growth = new AtomicReference<>("");
        double sse;
        try {
            for (int i = 0; i < n; i++) {
                first.add(stream.open());
            }
            sse = perConnection(n, growth, stream);
        } finally {
            for (Socket s : first) {
                s.close();
            }
        }
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
            double bare = perConnection(n, new AtomicReference<>(""),
                    () -> new Socket("127.0.0.1", idle.getLocalPort()));
            Row row = Row.of(TITLE, "PostgreSQL", "heap per SSE client (" + n + " → " + 2 * n + " open)", "KB",
                    sse / 1024, bare / 1024, sse / bare).withTarget("≤ 50 KB (absolute)", sse / 1024 <= 50)
                    .withNote("(baseline: a bare TCP connection, both ends in this JVM)");
            section.add(row);
            section.finding("**Where an SSE client's heap goes** (live objects that grew when " + n
                    + " more streams opened with " + n + " open, per stream, both ends in this JVM): " + growth.get()
                    + ".");
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** Used heap per connection after full GCs: opens n, measures, closes them. */
    private static double perConnection(int n, AtomicReference<String> growth,
            SocketOpener opener) throws Exception {
        Map<String, Long> histogramBefore = HeapHistogram.take();
        long before = usedAfterGc();
        List<Socket> sockets = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(opener.open());
            }
            long after = usedAfterGc();
            growth.set(HeapHistogram.growth(histogramBefore, HeapHistogram.take(), n, 6));
            return Math.max(1, after - before) / (double) n;
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Opens one client connection. */
    @FunctionalInterface
    private interface SocketOpener {
        Socket open() throws Exception;
    }

    private static void awaitConnected(InputStream in) throws Exception {
        byte[] buffer = new byte[1024];
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!seen.toString().contains(":connected")) {
            int r = in.read(buffer);
            if (r < 0 || System.nanoTime() > deadline) {
                throw new IllegalStateException("stream closed before it connected: " + seen);
            }
            seen.append(new String(buffer, 0, r, StandardCharsets.US_ASCII));
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

    /** One keep-alive HTTP/1.1 connection on loopback, used by one thread at a time: a request, then its whole answer. */
    static final class Http1 implements AutoCloseable {

        private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        private final int port;
        private final byte[] postHead;
        private final StringBuilder line = new StringBuilder();
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Http1(int port) throws IOException {
            this.port = port;
            this.postHead = ("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1024);
        }

        private void reconnect() throws IOException {
            close();
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream(), 1024);
        }

        /**
         * Posts a visitor message to the chat; fails unless it is answered 200. A connection the server closed while
         * it was idle is opened again once.
         */
        void postMessage(String sessionId, String text) throws IOException {
            byte[] body = ("{\"sessionId\":\"" + sessionId + "\",\"message\":\"" + text + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Head head;
            try {
                head = exchange(body);
            } catch (EOFException | SocketException e) {
                reconnect();
                head = exchange(body);
            }
            if (head.close()) {
                reconnect();
            }
            if (head.status() != 200) {
                throw new IOException("POST /api/v1/chat answered " + head.status());
            }
        }

        private Head exchange(byte[] body) throws IOException {
            out.write(postHead);
            out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
            out.write(END_OF_HEAD);
            out.write(body);
            out.flush();
            Head head = Head.read(in, line);
            head.skipBody(in, line);
            return head;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /**
     * The status and the headers that frame the body of an HTTP/1.1 answer.
     *
     * @param status        the status code
     * @param contentLength the Content-Length, or -1
     * @param chunked       whether the body is chunked
     * @param close         whether the server closes the connection after it
     */
    record Head(int status, long contentLength, boolean chunked, boolean close) {

        static Head read(InputStream in, StringBuilder line) throws IOException {
            String status = readLine(in, line);
            if (status == null) {
                throw new EOFException("the connection closed before an answer");
            }
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = readLine(in, line); h != null && !h.isEmpty(); h = readLine(in, line)) {
                int colon = h.indexOf(':');
                String name = colon < 0 ? "" : h.substring(0, colon).strip();
                String value = colon < 0 ? "" : h.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            return new Head(Integer.parseInt(status.substring(9, 12)), length, chunked, close);
        }

        void skipBody(InputStream in, StringBuilder line) throws IOException {
            if (chunked) {
                for (long size = chunkSize(readLine(in, line)); size > 0; size = chunkSize(readLine(in, line))) {
                    in.skipNBytes(size);
                    readLine(in, line);
                }
                for (String trailer = readLine(in, line); trailer != null && !trailer.isEmpty(); ) {
                    trailer = readLine(in, line);
                }
            } else if (contentLength >= 0) {
                in.skipNBytes(contentLength);
            } else {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /** The size in a chunk's header line. */
    static long chunkSize(@Nullable String header) throws IOException {
        if (header == null) {
            throw new IOException("the connection closed inside a chunked body");
        }
        int semicolon = header.indexOf(';');
        return Long.parseLong((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
    }

    /** One line (without CRLF) as ASCII, or null at the end of the stream. */
    static @Nullable String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /**
     * The admin stream, read from a raw socket on its own thread: when each benchmark message's {@code message}
     * event arrived (taken as the event's data line is read).
     */
    static final class AdminStream implements AutoCloseable {

        private final Socket socket;
        private final String mark;
        private final AtomicLongArray received;
        private final CountDownLatch connected = new CountDownLatch(1);
        private final CountDownLatch all;
        private final StringBuilder current = new StringBuilder();
        private boolean messageEvent;
        private volatile long last;

        private AdminStream(int port, String token, String mark, int count) throws IOException {
            this.mark = mark;
            this.received = new AtomicLongArray(count);
            this.all = new CountDownLatch(count);
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(("GET /api/v1/admin/chat/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread reader = new Thread(this::read, "bench-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Opens the stream and waits for its first comment; {@code mark} + n in a message is message n. */
        static AdminStream open(int port, String token, String mark, int count) throws Exception {
            AdminStream stream = new AdminStream(port, token, mark, count);
            if (!stream.connected.await(10, TimeUnit.SECONDS) || stream.socket.isClosed()) {
                stream.close();
                throw new IllegalStateException("the admin stream did not open");
            }
            return stream;
        }

        private void read() {
            StringBuilder line = new StringBuilder();
            try {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                Head head = Head.read(in, line);
                if (head.status() != 200) {
                    throw new IOException("the admin stream answered " + head.status());
                }
                if (head.chunked()) {
                    for (long size = chunkSize(readLine(in, line)); size > 0; size = chunkSize(readLine(in, line))) {
                        for (long i = 0; i < size; i++) {
                            onByte(in.read());
                        }
                        readLine(in, line);
                    }
                } else {
                    for (int b = in.read(); b >= 0; b = in.read()) {
                        onByte(b);
                    }
                }
            } catch (IOException e) {
                // closed
            } finally {
                close();
                connected.countDown();
            }
        }

        private void onByte(int b) throws IOException {
            if (b < 0) {
                throw new IOException("the stream ended");
            }
            if (b != '\n') {
                current.append((char) b);
                return;
            }
            if (current.length() == 0) {
                messageEvent = false;
            } else if (current.charAt(0) == ':') {
                connected.countDown();
            } else if (current.indexOf("event:") == 0) {
                messageEvent = current.length() == 13 && current.indexOf("message", 6) == 6;
            } else if (messageEvent && current.indexOf("data:") == 0) {
                int at = current.indexOf(mark);
                if (at >= 0) {
                    int n = 0;
                    for (int i = at + mark.length(); i < current.length() && Character.isDigit(current.charAt(i)); i++) {
                        n = n * 10 + (current.charAt(i) - '0');
                    }
                    long now = System.nanoTime();
                    if (n < received.length() && received.compareAndSet(n, 0, now)) {
                        last = now;
                        all.countDown();
                    }
                }
            }
            current.setLength(0);
        }

        boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
            return all.await(timeout, unit);
        }

        long received(int n) {
            return received.get(n);
        }

        long lastReceived() {
            return last;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /**
     * CPU time over a run, from the operating system's counters: this JVM's threads by role ({@link ThreadMXBean}),
     * the rest of the JVM (GC, JIT), PostgreSQL's processes and the whole machine ({@code /proc}, Linux).
     */
    static final class CpuMeter {

        private static final double TICK_NANOS = 10_000_000; // USER_HZ = 100 on Linux
        private static final String SERVER_THREADS =
                SERVER + "'s threads (HTTP, Spring, Parley's core, Hibernate, JDBC)";
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long postmaster;
        private final Map<Long, ThreadUse> threadsBefore;
        private final long processBefore;
        private final long postgresBefore;
        private final long @Nullable [] machineBefore;
        private final long gcBefore = gcMillis();
        private final long jitBefore = jitMillis();
        private final long wallBefore = System.nanoTime();

        /**
         * What one thread used so far.
         *
         * @param name      its name
         * @param cpu       CPU nanoseconds
         * @param allocated bytes allocated
         */
        private record ThreadUse(String name, long cpu, long allocated) {}

        private CpuMeter(long postmaster) {
            this.postmaster = postmaster;
            this.threadsBefore = threadUses();
            this.processBefore = os.getProcessCpuTime();
            this.postgresBefore = postgresTicks();
            this.machineBefore = machineTicks();
        }

        static CpuMeter start(Database db) {
            long pid = -1;
            try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                    var rs = st.executeQuery("SHOW data_directory")) {
                if (rs.next()) {
                    String first = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0);
                    pid = Long.parseLong(first.strip());
                }
            } catch (Exception e) {
                pid = -1;
            }
            return new CpuMeter(pid);
        }

        private Map<Long, ThreadUse> threadUses() {
            Map<Long, ThreadUse> out = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
                if (info != null) {
                    long id = info.getThreadId();
                    long cpu = threads.getThreadCpuTime(id);
                    if (cpu >= 0) {
                        out.put(id, new ThreadUse(info.getThreadName(), cpu, threads.getThreadAllocatedBytes(id)));
                    }
                }
            }
            return out;
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
        }

        static long jitMillis() {
            return Harness.jitMillis();
        }

        /** utime + stime of the postmaster and its children (backends, writers), in clock ticks; -1 if unknown. */
        private long postgresTicks() {
            if (postmaster < 0) {
                return -1;
            }
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // after "pid (comm) ": state ppid … utime (14th field overall) stime (15th)
                        if (Long.parseLong(name) == postmaster || Long.parseLong(f[1]) == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return ticks;
        }

        /** Busy and total clock ticks of all cores ({@code /proc/stat}); null if unknown. */
        private static long @Nullable [] machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** What each part used per message, and how busy the machine was. */
        String stop(int messages, int rate) {
            long wall = System.nanoTime() - wallBefore;
            Map<String, Long> byRole = new LinkedHashMap<>();
            for (String role : List.of(SERVER_THREADS, "the SSE hub (dispatcher, senders)", "the load generator",
                    "other Java threads")) {
                byRole.put(role, 0L);
            }
            long javaThreads = 0;
            long serverAllocated = 0;
            for (Map.Entry<Long, ThreadUse> t : threadUses().entrySet()) {
                ThreadUse before = threadsBefore.getOrDefault(t.getKey(), new ThreadUse("", 0, 0));
                ThreadUse now = t.getValue();
                long used = now.cpu() - before.cpu();
                String name = now.name();
                String role = serverThread(name) ? SERVER_THREADS
                        : name.startsWith("parley-sse") ? "the SSE hub (dispatcher, senders)"
                        : name.startsWith("bench-") ? "the load generator" : "other Java threads";
                byRole.merge(role, used, Long::sum);
                javaThreads += used;
                if (role.equals(SERVER_THREADS)) {
                    serverAllocated += now.allocated() - before.allocated();
                }
            }
            byRole.put("the JVM itself (GC, JIT compiler)",
                    Math.max(0, os.getProcessCpuTime() - processBefore - javaThreads));
            long pg = postgresTicks();
            if (pg >= 0 && postgresBefore >= 0) {
                byRole.put("PostgreSQL", (long) ((pg - postgresBefore) * TICK_NANOS));
            }
            long sum = byRole.values().stream().mapToLong(Long::longValue).sum();
            String parts = byRole.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue() / 1e6 / messages))
                    .collect(Collectors.joining(", "));
            int cores = Runtime.getRuntime().availableProcessors();
            StringBuilder out = new StringBuilder(parts).append(String.format(Locale.ROOT,
                    "; in all %.2f ms of CPU per message, %.2f of the %d cores at %d msg/s. %s's threads "
                    + "allocated %.0f KB per message; the collectors ran %d ms and the JIT compilers %d ms in the "
                    + "run", sum / 1e6 / messages, sum / 1e9 / messages * rate, cores, rate, SERVER,
                    serverAllocated / 1024.0 / messages, gcMillis() - gcBefore, jitMillis() - jitBefore));
            long[] machine = machineTicks();
            if (machine != null && machineBefore != null && machine[1] > machineBefore[1]) {
                double busy = (machine[0] - machineBefore[0]) / (double) (machine[1] - machineBefore[1]);
                double ours = sum / (double) wall / cores;
                out.append(String.format(Locale.ROOT, ". The machine's cores were %.0f%% busy over the %.1f s run, "
                        + "%.0f points of it outside this benchmark (other processes)", busy * 100, wall / 1e9,
                        Math.max(0, busy - ours) * 100));
            }
            return out.append('.').toString();
        }
    }

    /** JFR execution samples of the servlet container's threads, put in the phase of the request they were in. */
    static final class RequestProfile {

        /** Frame name parts and their phase; the first that any frame of a sample matches decides. */
        private static final List<Map.Entry<String, String>> PHASES = List.of(
                Map.entry("dev.parley.chat.spring.sse.", "the SSE hub"),
                Map.entry("dev.parley.chat.spring.web.VisitorChatController.post",
                        "Parley's controller (core, store, Hibernate, JDBC)"),
                Map.entry("readWithMessageConverters", "reading the JSON body"),
                Map.entry("writeWithMessageConverters", "writing the JSON answer"),
                Map.entry("org.springframework.web.servlet.", "the rest of Spring MVC (mapping, arguments, interceptors)"),
                Map.entry("org.springframework.web.filter.", "servlet filters"),
                Map.entry("org.eclipse.jetty.", "Jetty (connector, HTTP parsing, servlet handling)"),
                Map.entry("org.apache.", "Tomcat (connector, HTTP parsing, valves)"));

        private final Recording recording = new Recording();

        static RequestProfile start() {
            RequestProfile p = new RequestProfile();
            p.recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            p.recording.start();
            return p;
        }

        /** Stops and answers the shares of the samples by phase. */
        String stop() throws IOException {
            Path file = Files.createTempFile("parley-http", ".jfr");
            try {
                recording.stop();
                recording.dump(file);
                Map<String, Integer> byPhase = new LinkedHashMap<>();
                int total = 0;
                try (RecordingFile f = new RecordingFile(file)) {
                    while (f.hasMoreEvents()) {
                        RecordedEvent e = f.readEvent();
                        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                            continue;
                        }
                        RecordedThread thread = e.getThread("sampledThread");
                        if (thread == null || thread.getJavaName() == null
                                || !serverThread(thread.getJavaName()) || e.getStackTrace() == null) {
                            continue;
                        }
                        total++;
                        byPhase.merge(phaseOf(e.getStackTrace().getFrames()), 1, Integer::sum);
                    }
                }
                int samples = total;
                return samples + " samples of " + SERVER + "'s threads on the CPU: " + byPhase.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(e -> String.format(Locale.ROOT, "%.0f%% %s", 100.0 * e.getValue() / samples, e.getKey()))
                        .collect(Collectors.joining(", ")) + ".";
            } finally {
                recording.close();
                Files.deleteIfExists(file);
            }
        }

        private static String phaseOf(List<RecordedFrame> frames) {
            for (Map.Entry<String, String> phase : PHASES) {
                for (RecordedFrame frame : frames) {
                    String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    if (name.contains(phase.getKey())) {
                        return phase.getValue();
                    }
                }
            }
            return "other";
        }
    }
}
