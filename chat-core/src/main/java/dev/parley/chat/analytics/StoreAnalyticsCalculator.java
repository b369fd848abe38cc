package dev.parley.chat.analytics;

import dev.parley.chat.Chat;
import dev.parley.chat.analytics.AnalyticsReport.DepartmentStats;
import dev.parley.chat.analytics.AnalyticsReport.RatedChat;
import dev.parley.chat.analytics.AnalyticsReport.Summary;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.WindowTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report of SPEC.md from the store's aggregates: the window is the last {@code days} local days of the zone,
 * today included, from the start of the first day to the start of tomorrow.
 */
public final class StoreAnalyticsCalculator implements AnalyticsCalculator {

    /** How many chats {@code topRatedChats} lists. */
    public static final int TOP_RATED = 10;

    private final AnalyticsQueries queries;
    private final Clock clock;

    /** Creates the calculator. */
    public StoreAnalyticsCalculator(AnalyticsQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public AnalyticsReport calculate(AnalyticsQuery query) {
        ZoneId zone = query.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(query.days() - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();

        WindowTotals t = queries.totals(from, to);
        Summary summary = new Summary(t.totalChats(), t.activeChats(), t.resolvedChats(),
                percent(t.resolvedChats(), t.totalChats()),
                average(t.ratingSum(), t.ratedChats(), 2),
                average(t.responseTimeSum(), t.respondedChats(), 1),
                average(t.resolutionTimeSum(), t.timedResolutions(), 1),
                t.totalChats() == 0 ? 0.0 : average(t.messageSum(), t.totalChats(), 1));

        Map<String, DepartmentStats> departments = new HashMap<>();
        t.departments().forEach((slug, c) -> departments.put(slug, new DepartmentStats(c.count(), c.resolved())));

        Map<LocalDate, Long> counted = queries.dailyVolume(from, to, zone);
        Map<LocalDate, Long> daily = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            daily.put(d, counted.getOrDefault(d, 0L));
        }

        Map<Integer, Long> ratings = new HashMap<>();
        for (int r = 1; r <= 5; r++) {
            ratings.put(r, t.ratingCounts().getOrDefault(r, 0L));
        }

        List<RatedChat> top = queries.topRated(from, to, TOP_RATED).stream()
                .map(StoreAnalyticsCalculator::rated)
                .toList();
        return new AnalyticsReport(query.days(), zone, from, to, summary, departments, daily, ratings, top);
    }

    private static RatedChat rated(Chat c) {
        return new RatedChat(c.id(), c.visitorName(), c.department(), c.rating() == null ? 0 : c.rating(),
                c.ratingComment(), c.createdAt());
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0.0 : BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static @Nullable Double average(long sum, long count, int decimals) {
        return count == 0 ? null : BigDecimal.valueOf(sum)
                .divide(BigDecimal.valueOf(count), decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
