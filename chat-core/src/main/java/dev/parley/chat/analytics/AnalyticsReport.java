package dev.parley.chat.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The analytics report over chats created in a window of local days.
 *
 * @param days               the window's length in days
 * @param zone               the time zone of the days
 * @param from               the start of the first day (inclusive)
 * @param to                 the start of the day after today (exclusive end)
 * @param summary            the summary figures
 * @param departmentStats    per department slug, chats and resolved chats
 * @param dailyVolume        chats per local date, every day of the window, zero days included, oldest first
 * @param ratingDistribution chats per rating, keys 1 to 5 always present
 * @param topRatedChats      the best-rated chats, newest first among equals
 */
public record AnalyticsReport(
        int days,
        ZoneId zone,
        Instant from,
        Instant to,
        Summary summary,
        Map<String, DepartmentStats> departmentStats,
        Map<LocalDate, Long> dailyVolume,
        Map<Integer, Long> ratingDistribution,
        List<RatedChat> topRatedChats) {

    /** Copies the collections, keeping the maps sorted. */
    public AnalyticsReport {
        departmentStats = Collections.unmodifiableMap(new TreeMap<>(departmentStats));
        dailyVolume = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(dailyVolume)));
        ratingDistribution = Collections.unmodifiableMap(new TreeMap<>(ratingDistribution));
        topRatedChats = List.copyOf(topRatedChats);
    }

    /**
     * The summary figures. Averages are null when there is nothing to average.
     *
     * @param totalChats         chats created in the window
     * @param activeChats        of those, ACTIVE or WAITING now
     * @param resolvedChats      of those, RESOLVED or CLOSED now
     * @param resolutionRate     resolved / total in percent, one decimal (0 without chats)
     * @param avgRating          mean rating over rated chats, two decimals
     * @param avgResponseTime    mean seconds to the first admin message, one decimal
     * @param avgResolutionTime  mean seconds to resolution, one decimal
     * @param avgMessagesPerChat mean visitor and admin messages per chat, one decimal (0 without chats)
     */
    public record Summary(
            long totalChats,
            long activeChats,
            long resolvedChats,
            double resolutionRate,
            @Nullable Double avgRating,
            @Nullable Double avgResponseTime,
            @Nullable Double avgResolutionTime,
            double avgMessagesPerChat) {}

    /**
     * One department's figures.
     *
     * @param count    chats created in the window
     * @param resolved of those, RESOLVED or CLOSED
     */
    public record DepartmentStats(long count, long resolved) {}

    /**
     * A rated chat.
     *
     * @param chatId        the chat
     * @param visitorName   the visitor
     * @param department    the department slug
     * @param rating        1 to 5
     * @param ratingComment the comment, if any
     * @param createdAt     when the chat started
     */
    public record RatedChat(
            long chatId, String visitorName, String department, int rating, @Nullable String ratingComment,
            Instant createdAt) {}
}
