package dev.parley.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The results of one benchmark: what was compared, the rows, and findings (profiles, statement counts). */
final class Section {

    private final String title;
    private final String description;
    private final String candidate;
    private final String baseline;
    private final String ratioMeaning;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    /**
     * @param title        e.g. "1. Message ingest"
     * @param description  what the candidate and the baseline do, in Markdown
     * @param candidate    column title of Parley's figure
     * @param baseline     column title of the baseline's figure
     * @param ratioMeaning e.g. "Parley / raw JDBC, higher is better"
     */
    Section(String title, String description, String candidate, String baseline, String ratioMeaning) {
        this.title = title;
        this.description = description;
        this.candidate = candidate;
        this.baseline = baseline;
        this.ratioMeaning = ratioMeaning;
    }

    Section add(Row row) {
        rows.add(row);
        return this;
    }

    /** Adds a Markdown paragraph: where the time goes, why a target is missed, what was skipped. */
    Section finding(String markdown) {
        findings.add(markdown);
        return this;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    String candidate() {
        return candidate;
    }

    String baseline() {
        return baseline;
    }

    String ratioMeaning() {
        return ratioMeaning;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<String> findings() {
        return List.copyOf(findings);
    }
}
