package dev.parley.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * SSE delivery latency, open loop: visitor POSTs over 16 chats at a fixed rate, each message due at start + n / rate
 * and sent on the next free connection, timed from its due time to its {@code message} event on an admin stream,
 * against the POST's own latency from the same due time.
 */
final class SseLatency {

    /** The rate the target is set at. */
    static final int RATE = 500;
    /** The rate measured for reference. */
    static final int LOW_RATE = 100;
    /** Connections (one thread each) of the open-loop sender: well above the messages in flight at 500 msg/s. */
    static final int SENDERS = 64;
    private static final String MARK = "bench-sse-";

    private final BenchOptions options;
    private final Harness harness;

    SseLatency(BenchOptions options, Harness harness) {
        this.options = options;
        this.harness = harness;
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
    void run(HttpLoad http, int port, String token, int rate, Database db, Section section) throws Exception {
        String[] sessions = new String[16];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = http.startChat("SSE visitor " + i);
        }
        int count = Math.max(50, Math.min(options.httpMessages(), rate * 5));
        Http1[] connections = new Http1[SENDERS];
        for (int w = 0; w < SENDERS; w++) {
            connections[w] = new Http1(port);
        }
        ExecutorService senders = Harness.threads(SENDERS, "bench-sse-sender");
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
                    || compiling && options.mode().equals("full") && warmups < HttpBenchmark.MAX_JIT_WARMUPS);
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
                Row row = Row.of(HttpBenchmark.TITLE, "PostgreSQL", "SSE delivery p" + (int) (q * 100) + " at " + rate + " msg/s",
                        "ms", dm, pm, dm / pm).withNote("(baseline: the POST's own latency)");
                section.add(q == 0.99 && rate == RATE ? row.withTarget("p99 ≤ 50 ms (absolute)", dm <= 50) : row);
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
                    + "waiting for answers): %s.", rate, warmups, rounds, SENDERS, each));
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
}
