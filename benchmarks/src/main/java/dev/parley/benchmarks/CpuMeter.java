package dev.parley.benchmarks;

import dev.parley.Parley;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * CPU time over a run, from the operating system's counters: this JVM's threads by role ({@link ThreadMXBean}),
 * the rest of the JVM (GC, JIT), PostgreSQL's processes and the whole machine ({@code /proc}, Linux).
 */
final class CpuMeter {

    private static final double TICK_NANOS = 10_000_000; // USER_HZ = 100 on Linux
    private static final String SERVER_THREADS =
            HttpBenchmark.SERVER + "'s threads (HTTP, Spring, Parley's core, Hibernate, JDBC)";
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
            String role = HttpBenchmark.serverThread(name) ? SERVER_THREADS
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
                + "run", sum / 1e6 / messages, sum / 1e9 / messages * rate, cores, rate, HttpBenchmark.SERVER,
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
