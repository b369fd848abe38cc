package dev.parley.benchmarks;

import java.util.List;

/**
 * Facts about one run, for the report's header.
 *
 * @param mode       "quick" or "full"
 * @param command    the command that produced it
 * @param finishedAt when it finished (UTC, ISO-8601)
 * @param seconds    how long it took
 * @param machine    the machine
 * @param databases  the databases, with versions and settings
 * @param method     warm-up, rounds, medians
 */
record RunInfo(String mode, String command, String finishedAt, double seconds, Machine machine,
        List<String> databases, String method) {}
