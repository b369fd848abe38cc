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
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--out=" + out}, dir);

        BenchmarkMain.Result result = BenchmarkMain.run(options, "QuickRunTest");

        assertThat(result.sections()).extracting(Section::title).contains(IngestBenchmark.TITLE,
                AnalyticsBenchmark.TITLE, OutboxBenchmark.TITLE, PresenceBenchmark.TITLE, HttpBenchmark.TITLE);
        List<Row> rows = result.sections().stream().flatMap(s -> s.rows().stream()).toList();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.sane()).as(r.toString()).isTrue());
        assertThat(rowsOf(result, IngestBenchmark.TITLE)).hasSize(3 * 2);
        assertThat(rowsOf(result, AnalyticsBenchmark.TITLE)).hasSize(3 * 2);
        assertThat(rowsOf(result, OutboxBenchmark.TITLE)).hasSize(2);
        assertThat(rowsOf(result, PresenceBenchmark.TITLE)).hasSize(4 * 2);
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

    private static List<Row> rowsOf(BenchmarkMain.Result result, String title) {
        return result.sections().stream().filter(s -> s.title().equals(title)).flatMap(s -> s.rows().stream())
                .toList();
    }
}
