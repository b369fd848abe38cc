package dev.parley.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.chat.Parley;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.presence.Heartbeat;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * HTTP end to end through the Spring module (the demo's configuration, on PostgreSQL, on loopback): message POSTs
 * per second and their latency against the same messages through the core in the same process; SSE delivery latency
 * from a visitor POST to the admin stream at 500 messages per second; heap per open SSE client against a bare TCP
 * connection.
 */
final class HttpBenchmark {

    static final String TITLE = "5. HTTP end to end";
    private static final int CONCURRENCY = 8;
    private static final int SSE_RATE = 500;
    private static final int SSE_LOW_RATE = 100;
    private static final Pattern MARK = Pattern.compile("bench-sse-(\\d+)");

    private final BenchOptions options;
    private final Harness harness;

    HttpBenchmark(BenchOptions options, Harness harness) {
        this.options = options;
        this.harness = harness;
    }

    Section run(Databases databases) throws Exception {
        Section section = new Section(TITLE, """
                The Spring module with the demo's starters (`spring-boot-starter-webmvc` on Tomcat, \
                `spring-boot-starter-jdbc`, `chat-jpa`) on PostgreSQL, on 127.0.0.1, driven by the JDK \
                `HttpClient` with %d concurrent senders, a bounded count and a time limit. **POSTs**: \
                `POST /api/v1/chat` continuing a chat, against the same messages through `chats().postVisitorMessage` \
                in the same process (what HTTP, JSON and Spring add). **SSE**: visitor POSTs started at %d msg/s, and at \
                %d msg/s for reference (open loop, asynchronous, over 16 chats), latency from the start of the POST to the `message` event on an admin stream, against \
                the latency of the POST itself. **Heap**: used heap after a full GC with %d admin streams open \
                (raw sockets as clients), per stream, against the same number of bare TCP connections to an idle \
                in-process server socket.""".formatted(CONCURRENCY, SSE_RATE, SSE_LOW_RATE, options.sseClients()),
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
                parley.presence().heartbeat("admin-0", Heartbeat.onlineForAll());
                HttpLoad http = new HttpLoad(port);
                posts(http, parley, section);
                sse(http, token(secret), SSE_LOW_RATE, section);
                sse(http, token(secret), SSE_RATE, section);
                heap(port, token(secret), section);
            }
        }
        return section;
    }

    static boolean springModuleAvailable() {
        try {
            Class.forName("dev.parley.chat.spring.ParleyAutoConfiguration");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
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
        p.put("parley.sse.max-clients", String.valueOf(options.sseClients() + 50));
        return new SpringApplicationBuilder(BenchApp.class).web(WebApplicationType.SERVLET).properties(p)
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("dataSource", db.dataSource());
                    // the same store (chat-jpa on the benchmark's pool) as every other benchmark
                    c.getBeanFactory().registerSingleton("parleyBenchStore", Stores.open(db));
                })
                .run();
    }

    private void posts(HttpLoad http, Parley parley, Section section) throws Exception {
        String[] sessions = new String[CONCURRENCY];
        for (int t = 0; t < CONCURRENCY; t++) {
            sessions[t] = http.startChat("Visitor " + t);
        }
        int perThread = Math.max(1, options.httpMessages() / CONCURRENCY);
        ExecutorService pool = Harness.threads(CONCURRENCY, "bench-http");
        ConcurrentLinkedQueue<Long> httpNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> coreNanos = new ConcurrentLinkedQueue<>();
        try {
            Harness.Pair p = harness.paired(
                    () -> {
                        httpNanos.clear();
                        return Harness.throughput(pool, CONCURRENCY, perThread, (t, i) -> {
                            long t0 = System.nanoTime();
                            http.message(sessions[t], "Hello over HTTP " + i);
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
            long[] h = sorted(httpNanos);
            long[] c = sorted(coreNanos);
            for (double q : new double[] {0.5, 0.99}) {
                double hm = Harness.quantile(h, q) / 1e6;
                double cm = Harness.quantile(c, q) / 1e6;
                section.add(Row.of(TITLE, "PostgreSQL", "POST latency p" + (int) (q * 100), "ms", hm, cm, hm / cm)
                        .withNote("(baseline: the core in process; last round)"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void sse(HttpLoad http, String token, int rate, Section section) throws Exception {
        String[] sessions = new String[16];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = http.startChat("SSE visitor " + i);
        }
        int count = Math.max(50, Math.min(options.httpMessages(), rate * 5));
        AtomicLongArray sent = new AtomicLongArray(count);
        AtomicLongArray answered = new AtomicLongArray(count);
        AtomicLongArray received = new AtomicLongArray(count);
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(count);
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/admin/chat/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        var stream = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try (Stream<String> lines = stream.get(10, TimeUnit.SECONDS).body()) {
                lines.forEach(line -> {
                    if (line.startsWith(":")) {
                        connected.countDown();
                    } else if (line.startsWith("data:")) {
                        Matcher m = MARK.matcher(line);
                        if (m.find()) {
                            int n = Integer.parseInt(m.group(1));
                            if (n < count && received.compareAndSet(n, 0, System.nanoTime())) {
                                all.countDown();
                            }
                        }
                    }
                });
            } catch (Exception e) {
                connected.countDown();
            }
        }, "bench-sse-reader");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the admin stream did not open");
        }
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                pacer.schedule(() -> {
                    sent.set(n, System.nanoTime());
                    http.messageAsync(sessions[n % sessions.length], "bench-sse-" + n).whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 200) {
                            answered.set(n, System.nanoTime());
                        } else {
                            answered.set(n, -1);
                            failure.compareAndSet(null, e != null ? e.toString() : "HTTP " + r.statusCode());
                        }
                    });
                }, n * periodNanos, TimeUnit.NANOSECONDS);
            }
            boolean complete = all.await(30 + count / rate, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] delivery = new long[count];
            long[] post = new long[count];
            int got = 0;
            for (int i = 0; i < count; i++) {
                if (received.get(i) > 0 && sent.get(i) > 0) {
                    delivery[got] = received.get(i) - sent.get(i);
                    post[got] = answered.get(i) > 0 ? answered.get(i) - sent.get(i) : delivery[got];
                    got++;
                }
            }
            long[] d = java.util.Arrays.copyOf(delivery, got);
            long[] pp = java.util.Arrays.copyOf(post, got);
            java.util.Arrays.sort(d);
            java.util.Arrays.sort(pp);
            for (double q : new double[] {0.5, 0.99}) {
                double dm = Harness.quantile(d, q) / 1e6;
                double pm = Harness.quantile(pp, q) / 1e6;
                Row row = Row.of(TITLE, "PostgreSQL", "SSE delivery p" + (int) (q * 100) + " at " + rate + " msg/s",
                        "ms", dm, pm, dm / pm).withNote("(baseline: the POST's own latency)");
                section.add(q == 0.99 && rate == SSE_RATE ? row.withTarget("p99 ≤ 50 ms (absolute)", dm <= 50) : row);
            }
            long firstSent = Long.MAX_VALUE;
            long lastSent = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                if (sent.get(i) > 0) {
                    firstSent = Math.min(firstSent, sent.get(i));
                    lastSent = Math.max(lastSent, sent.get(i));
                }
            }
            double achieved = lastSent > firstSent ? (count - 1) / ((lastSent - firstSent) / 1e9) : 0;
            section.finding(String.format(Locale.ROOT, "SSE run at " + rate + " msg/s: %d of %d messages delivered to the admin stream "
                    + "in %.1f s%s%s; POSTs started at %.0f msg/s (open loop: each at its time, without waiting "
                    + "for earlier answers).", got, count, seconds, complete ? "" : " (the rest did not arrive in time)",
                    failure.get() == null ? "" : "; a POST failed: " + failure.get(), achieved));
        } finally {
            pacer.shutdownNow();
            stream.cancel(true);
        }
    }

    private void heap(int port, String token, Section section) throws Exception {
        int n = options.sseClients();
        String get = "GET /api/v1/admin/chat/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        java.util.concurrent.atomic.AtomicReference<String> growth = new java.util.concurrent.atomic.AtomicReference<>("");
        double sse = perConnection(n, growth, () -> {
            Socket s = new Socket("127.0.0.1", port);
            OutputStream out = s.getOutputStream();
            out.write(get.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitConnected(s.getInputStream());
            return s;
        });
        try (ServerSocket idle = new ServerSocket(0, n + 10, java.net.InetAddress.getLoopbackAddress())) {
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
            double bare = perConnection(n, new java.util.concurrent.atomic.AtomicReference<>(""),
                    () -> new Socket("127.0.0.1", idle.getLocalPort()));
            Row row = Row.of(TITLE, "PostgreSQL", "heap per open SSE client (" + n + " open)", "KB", sse / 1024,
                    bare / 1024, sse / bare).withTarget("≤ 50 KB (absolute)", sse / 1024 <= 50)
                    .withNote("(baseline: a bare TCP connection, both ends in this JVM)");
            section.add(row);
            section.finding("**Where an SSE client's heap goes** (live objects that grew with " + n
                    + " streams open, per stream, both ends in this JVM): " + growth.get() + ".");
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** Used heap per connection after full GCs: opens n, measures, closes them. */
    private static double perConnection(int n, java.util.concurrent.atomic.AtomicReference<String> growth,
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
}
