package dev.parley.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to run and how big.
 *
 * @param mode              "quick" (seconds, for CI) or "full"
 * @param warmups           untimed rounds before the timed ones
 * @param rounds            timed rounds per figure (medians are taken over them)
 * @param ingestThreads     thread counts of the ingest benchmark
 * @param ingestMessages    messages per round, split over the threads
 * @param analyticsSizes    chat counts of the analytics datasets, growing
 * @param h2MaxChats        the largest analytics dataset loaded into H2 (loading is slow there)
 * @param analyticsDays     report windows
 * @param outboxItems       notifications per round of the outbox benchmark
 * @param presenceOps       operations per round of the presence benchmark
 * @param httpMessages      message POSTs per round of the HTTP benchmark
 * @param sseClients        open SSE clients for the heap-per-client figure
 * @param benchmarks        which benchmarks to run
 * @param databases         which databases to run them on
 * @param synchronousCommit PostgreSQL {@code synchronous_commit}
 * @param profile           whether to take JFR samples and statement counts
 * @param out               where to write the Markdown report; null for nowhere
 * @param clusterSoak       how long the two-node soak runs
 * @param clusterStreams    visitor streams held open on one node by the cluster benchmark
 */
record BenchOptions(
        String mode,
        int warmups,
        int rounds,
        List<Integer> ingestThreads,
        int ingestMessages,
        List<Integer> analyticsSizes,
        int h2MaxChats,
        List<Integer> analyticsDays,
        int outboxItems,
        int presenceOps,
        int httpMessages,
        int sseClients,
        Set<String> benchmarks,
        Set<Database.Kind> databases,
        boolean synchronousCommit,
        boolean profile,
        @Nullable Path out,
        Duration clusterSoak,
        int clusterStreams) {

    static final List<String> ALL = List.of("ingest", "analytics", "outbox", "presence", "http", "cluster");

    BenchOptions {
        ingestThreads = List.copyOf(ingestThreads);
        analyticsSizes = List.copyOf(analyticsSizes);
        analyticsDays = List.copyOf(analyticsDays);
        benchmarks = Set.copyOf(benchmarks);
        databases = Set.copyOf(databases);
    }

    /** Small sizes: the whole run takes well under a minute. */
    static BenchOptions quick() {
        return new BenchOptions("quick", 1, 2, List.of(1, 4, 16), 160, List.of(10_000), 10_000, List.of(7, 30, 365),
                300, 400, 200, 50, new LinkedHashSet<>(ALL), EnumSet.allOf(Database.Kind.class), true, true,
                null, Duration.ofMinutes(5), 300);
    }

    /** The sizes of the documented figures. */
    static BenchOptions full() {
        return new BenchOptions("full", 1, 3, List.of(1, 4, 16), 1_600, List.of(10_000, 100_000, 1_000_000),
                100_000, List.of(7, 30, 365), 2_000, 4_000, 2_000, 1_000, new LinkedHashSet<>(ALL),
                EnumSet.allOf(Database.Kind.class), true, true, null, Duration.ofMinutes(5), 10_000);
    }

    boolean runs(String benchmark) {
        return benchmarks.contains(benchmark);
    }

    /**
     * Parses {@code --quick | --full}, {@code --only=ingest,analytics,…}, {@code --db=postgres,h2},
     * {@code --rounds=N}, {@code --sizes=10000,100000}, {@code --h2-max-chats=N}, {@code --sync-commit=on|off}, {@code --no-profile},
     * {@code --out=PATH} (default {@code docs/benchmarks.md} in full mode, {@code target/benchmarks-quick.md} in quick
     * mode), {@code --no-write}, {@code --cluster-soak=30s} (the two-node soak's length, 5 minutes by default; in
     * seconds {@code s} or minutes {@code m}), {@code --cluster-streams=N} (streams held open on one node).
     */
    static BenchOptions parse(String[] args, Path root) {
        boolean full = List.of(args).contains("--full");
        BenchOptions o = full ? full() : quick();
        Path out = root.resolve(full ? "docs/benchmarks.md" : "benchmarks/target/benchmarks-quick.md");
        Set<String> only = o.benchmarks;
        Set<Database.Kind> dbs = o.databases;
        int rounds = o.rounds;
        List<Integer> sizes = o.analyticsSizes;
        int h2Max = o.h2MaxChats;
        boolean sync = o.synchronousCommit;
        boolean profile = o.profile;
        Duration soak = o.clusterSoak;
        int clusterStreams = o.clusterStreams;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.equals("--quick") || arg.equals("--full")) {
                continue;
            } else if (arg.startsWith("--only=")) {
                only = new LinkedHashSet<>(List.of(value.toLowerCase(Locale.ROOT).split(",")));
                if (!ALL.containsAll(only)) {
                    throw new IllegalArgumentException("--only takes " + ALL + ", was " + value);
                }
            } else if (arg.startsWith("--db=")) {
                dbs = EnumSet.noneOf(Database.Kind.class);
                for (String d : value.toLowerCase(Locale.ROOT).split(",")) {
                    dbs.add(d.startsWith("p") ? Database.Kind.POSTGRES : Database.Kind.H2);
                }
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(value);
            } else if (arg.startsWith("--sizes=")) {
                sizes = List.of(value.split(",")).stream().map(String::strip).map(Integer::valueOf).toList();
            } else if (arg.startsWith("--h2-max-chats=")) {
                h2Max = Integer.parseInt(value);
            } else if (arg.startsWith("--sync-commit=")) {
                sync = value.equalsIgnoreCase("on");
            } else if (arg.equals("--no-profile")) {
                profile = false;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(value);
            } else if (arg.equals("--no-write")) {
                out = null;
            } else if (arg.startsWith("--cluster-soak=")) {
                soak = value.endsWith("m") ? Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)))
                        : Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
            } else if (arg.startsWith("--cluster-streams=")) {
                clusterStreams = Integer.parseInt(value);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; see BenchOptions.parse");
            }
        }
        return new BenchOptions(o.mode, o.warmups, rounds, o.ingestThreads, o.ingestMessages, sizes, h2Max,
                o.analyticsDays, o.outboxItems, o.presenceOps, o.httpMessages, o.sseClients, only, dbs, sync,
                profile, out, soak, clusterStreams);
    }
}
