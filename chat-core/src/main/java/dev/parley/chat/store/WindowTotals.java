package dev.parley.chat.store;

import java.util.Map;

/**
 * Sums over the chats created in a window, from which the core derives the report's summary.
 *
 * @param totalChats        chats created in the window
 * @param activeChats       of those, ACTIVE or WAITING now
 * @param resolvedChats     of those, RESOLVED or CLOSED now
 * @param ratedChats        of those, with a rating
 * @param ratingSum         sum of their ratings
 * @param respondedChats    of those, with a response time
 * @param responseTimeSum   sum of response times, seconds
 * @param timedResolutions  of those, with a resolution time
 * @param resolutionTimeSum sum of resolution times, seconds
 * @param messageSum        sum of per-chat total messages
 * @param ratingCounts      chats per rating value (only values that occur)
 * @param departments       per department slug: chats and resolved chats (only slugs that occur)
 */
public record WindowTotals(
        long totalChats,
        long activeChats,
        long resolvedChats,
        long ratedChats,
        long ratingSum,
        long respondedChats,
        long responseTimeSum,
        long timedResolutions,
        long resolutionTimeSum,
        long messageSum,
        Map<Integer, Long> ratingCounts,
        Map<String, DepartmentCount> departments) {

    /** Copies the maps. */
    public WindowTotals {
        ratingCounts = Map.copyOf(ratingCounts);
        departments = Map.copyOf(departments);
    }

    /**
     * Chats of one department.
     *
     * @param count    chats created in the window
     * @param resolved of those, RESOLVED or CLOSED
     */
    public record DepartmentCount(long count, long resolved) {}
}
