package dev.parley.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One line of the results: a candidate figure, its baseline from the same run, and the ratio.
 *
 * @param section   which benchmark (e.g. "Ingest")
 * @param database  where it ran
 * @param scenario  the case (e.g. "16 threads", "30 days @ 100k")
 * @param unit      the unit of both figures (e.g. "msg/s", "ms")
 * @param candidate Parley's median
 * @param baseline  the baseline's median
 * @param ratio     the figure that counts (see {@code ratioMeaning})
 * @param target    the target, in words, or null
 * @param met       whether the target is met, null when there is none for this row
 * @param note      anything else worth a word
 */
record Row(
        String section,
        String database,
        String scenario,
        String unit,
        double candidate,
        double baseline,
        double ratio,
        @Nullable String target,
        @Nullable Boolean met,
        @Nullable String note) {

    /** A row without target. */
    static Row of(String section, String database, String scenario, String unit, double candidate, double baseline,
            double ratio) {
        return new Row(section, database, scenario, unit, candidate, baseline, ratio, null, null, null);
    }

    Row withTarget(String text, boolean isMet) {
        return new Row(section, database, scenario, unit, candidate, baseline, ratio, text, isMet, note);
    }

    Row withNote(String text) {
        return new Row(section, database, scenario, unit, candidate, baseline, ratio, target, met, text);
    }

    /** Whether both figures and the ratio are finite and positive. */
    boolean sane() {
        return finitePositive(candidate) && finitePositive(baseline) && finitePositive(ratio);
    }

    private static boolean finitePositive(double d) {
        return Double.isFinite(d) && d > 0;
    }
}
