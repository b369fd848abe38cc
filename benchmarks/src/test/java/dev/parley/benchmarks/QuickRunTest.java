package dev.parley.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the harness works end to end in quick mode; asserts no timing, only that it ran and the numbers are sane. */
class QuickRunTest {

    @Test
    void quickModeRunsEveryBenchmarkAndWritesSaneRatios(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("benchmarks.md");
        // the JFR samples and statement counts are left out here (they add a second store per benchmark);
        // StatementCounterTest covers the counting; the two-node soak runs 30 s here instead of quick mode's 5 minutes
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--no-profile", "--cluster-soak=30s",
                "--out=" + out}, dir);

        BenchmarkMain.Result result = BenchmarkMain.run(options, "QuickRunTest");

        assertThat(result.sections()).extracting(Section::title).contains(IngestBenchmark.TITLE,
                AnalyticsBenchmark.TITLE, OutboxBenchmark.TITLE, PresenceBenchmark.TITLE, HttpBenchmark.TITLE,
                ClusterBenchmark.TITLE);
        List<Row> rows = result.sections().stream().flatMap(s -> s.rows().stream()).toList();
        assertThat(rows).allSatisfy(r -> assertThat(r.sane()).as(r.toString()).isTrue());
        // where a module is not in the build yet, its benchmarks say so instead of measuring (ingest: Parley and
        // its statements in raw JDBC, per thread count and database)
        assertMeasuredOrExplained(result, IngestBenchmark.TITLE, Stores.available(), 3 * 2 * 2);
        assertMeasuredOrExplained(result, AnalyticsBenchmark.TITLE, Stores.available(), 3 * 2);
        assertMeasuredOrExplained(result, AnalyticsBenchmark.ROLLUP, Stores.available(), 3 * 2 * 2);
        assertMeasuredOrExplained(result, OutboxBenchmark.TITLE, Stores.available(), 2);
        assertMeasuredOrExplained(result, PresenceBenchmark.TITLE, Stores.available(), 4 * 2);
        assertMeasuredOrExplained(result, HttpBenchmark.TITLE,
                Stores.available() && HttpBenchmark.springModuleAvailable(), 10); // 8, and 2 against the bare servlet
        assertMeasuredOrExplained(result, ClusterBenchmark.TITLE,
                Stores.available() && HttpBenchmark.springModuleAvailable(), 5);
        assertThat(Files.readString(out)).contains(ReportWriter.BEGIN, ReportWriter.END, "cores:",
                IngestBenchmark.TITLE, "Targets at a glance");
        assertThat(ReportWriter.console(result.sections())).contains("ratio");
    }

    @Test
    void regeneratingKeepsTheHandWrittenTextAroundTheResults(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("doc.md");
        Files.writeString(doc, "# Intro\n\n" + ReportWriter.BEGIN + "\nold\n" + ReportWriter.END + "\n\n## Analysis\n");

        ReportWriter.writeInto(doc, "new results\n");

        assertThat(Files.readString(doc)).isEqualTo("# Intro\n\n" + ReportWriter.BEGIN + "\nnew results\n"
                + ReportWriter.END + "\n\n## Analysis\n");
    }

    private static void assertMeasuredOrExplained(BenchmarkMain.Result result, String title, boolean measurable,
            int rows) {
        Section section = result.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
        if (measurable) {
            assertThat(section.rows()).as(title).hasSize(rows);
        } else {
            assertThat(section.rows()).as(title).isEmpty();
            assertThat(section.findings()).as(title).anyMatch(f -> f.startsWith("Not measured"));
        }
    }
}
