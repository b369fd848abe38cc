package dev.parley.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Warm-up, repeated timed rounds and medians. Candidate and baseline rounds are interleaved (A, B, A, B, …) so that
 * load from elsewhere on a shared machine hits both alike.
 */
final class Harness {

    /** One unit of work; {@code thread} is 0..threads-1, {@code i} counts the thread's operations. */
    @FunctionalInterface
    interface Op {
        void run(int thread, int i) throws Exception;
    }

    /** Work timed as a whole; answers its own figure (e.g. items per second). */
    @FunctionalInterface
    interface Round {
        double run() throws Exception;
    }

    private final int warmups;
    private final int rounds;

    Harness(int warmups, int rounds) {
        this.warmups = warmups;
        this.rounds = rounds;
    }

    int rounds() {
        return rounds;
    }

    /** This harness with at least {@code min} timed rounds. */
    Harness withAtLeastRounds(int min) {
        return rounds >= min ? this : new Harness(warmups, min);
    }

    /** Medians of the candidate's and the baseline's figure over interleaved rounds, after warm-up rounds. */
    Pair paired(Round candidate, Round baseline) throws Exception {
        for (int w = 0; w < warmups; w++) {
            candidate.run();
            baseline.run();
        }
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternate who goes first, so neither always runs on a warmer (or more fragmented) database
            if (r % 2 == 0) {
                a[r] = candidate.run();
                b[r] = baseline.run();
            } else {
                b[r] = baseline.run();
                a[r] = candidate.run();
            }
        }
        return new Pair(median(a), median(b), a, b);
    }

    /** Operations per second of {@code threads} threads each running {@code perThread} operations. */
    static double throughput(ExecutorService pool, int threads, int perThread, Op op) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    op.run(thread, i);
                }
                return null;
            }));
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        long elapsed = System.nanoTime() - begin;
        return threads * (double) perThread / (elapsed / 1e9);
    }

    /** Milliseconds the JIT compilers have worked in this JVM, 0 where the JVM does not tell. */
    static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * Runs the rounds again and again until the JIT compilers worked less than a tenth of a round's time during one
     * of them, or {@code max} times; answers how many times they ran. On a 2-core machine the compilers otherwise
     * take one core from the first rounds of code as large as Parley's path, and time a cold JVM instead.
     */
    static int untilJitSettles(int max, Round... rounds) throws Exception {
        for (int n = 1; ; n++) {
            long jit = jitMillis();
            long t0 = System.nanoTime();
            for (Round round : rounds) {
                round.run();
            }
            if (n >= max || (jitMillis() - jit) * 1e6 <= 0.1 * (System.nanoTime() - t0)) {
                return n;
            }
        }
    }

    /** A pool of daemon threads for {@link #throughput}. */
    static ExecutorService threads(int n, String name) {
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Nanoseconds of each of {@code n} calls, sorted. */
    static long[] latencies(int n, Op op) throws Exception {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            op.run(0, i);
            out[i] = System.nanoTime() - t0;
        }
        Arrays.sort(out);
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The value at quantile q (0..1) of sorted values (nearest rank). */
    static long quantile(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /**
     * The medians of a candidate and its baseline.
     *
     * @param candidate the candidate's median figure
     * @param baseline  the baseline's median figure
     */
    record Pair(double candidate, double baseline, double[] candidateRounds, double[] baselineRounds) {

        /** Candidate over baseline: for throughput, above 1 is faster than the baseline. */
        double ratio() {
            return candidate / baseline;
        }
    }
}
