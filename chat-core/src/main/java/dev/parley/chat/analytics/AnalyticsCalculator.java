package dev.parley.chat.analytics;

/** Computes the analytics report. */
public interface AnalyticsCalculator {

    /** The report for the query's window, as of now. */
    AnalyticsReport calculate(AnalyticsQuery query);
}
