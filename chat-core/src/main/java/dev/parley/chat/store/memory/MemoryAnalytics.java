package dev.parley.chat.store.memory;

import dev.parley.chat.Chat;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.WindowTotals;
import dev.parley.chat.store.WindowTotals.DepartmentCount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class MemoryAnalytics implements AnalyticsQueries {

    private final MemoryTransactions tx;
    private final MemoryChats chats;

    MemoryAnalytics(MemoryTransactions tx, MemoryChats chats) {
        this.tx = tx;
        this.chats = chats;
    }

    private List<Chat> window(Instant from, Instant to) {
        List<Chat> result = new ArrayList<>();
        for (Chat c : chats.all()) {
            if (!c.createdAt().isBefore(from) && c.createdAt().isBefore(to)) {
                result.add(c);
            }
        }
        return result;
    }

    @Override
    public WindowTotals totals(Instant from, Instant to) {
        return tx.read(() -> {
            long total = 0, active = 0, resolved = 0, rated = 0, ratingSum = 0, responded = 0, responseSum = 0;
            long timedResolutions = 0, resolutionSum = 0, messageSum = 0;
            Map<Integer, Long> ratings = new HashMap<>();
            Map<String, long[]> departments = new HashMap<>();
            for (Chat c : window(from, to)) {
                total++;
                long[] dept = departments.computeIfAbsent(c.department(), k -> new long[2]);
                dept[0]++;
                if (c.status().isOpen()) {
                    active++;
                }
                if (c.status().isResolved()) {
                    resolved++;
                    dept[1]++;
                }
                if (c.rating() != null) {
                    rated++;
                    ratingSum += c.rating();
                    ratings.merge(c.rating(), 1L, Long::sum);
                }
                if (c.responseTime() != null) {
                    responded++;
                    responseSum += c.responseTime();
                }
                if (c.resolutionTime() != null) {
                    timedResolutions++;
                    resolutionSum += c.resolutionTime();
                }
                messageSum += c.analytics().totalMessages();
            }
            Map<String, DepartmentCount> deptCounts = new HashMap<>();
            departments.forEach((k, v) -> deptCounts.put(k, new DepartmentCount(v[0], v[1])));
            return new WindowTotals(total, active, resolved, rated, ratingSum, responded, responseSum,
                    timedResolutions, resolutionSum, messageSum, ratings, deptCounts);
        });
    }

    @Override
    public Map<LocalDate, Long> dailyVolume(Instant from, Instant to, ZoneId zone) {
        return tx.read(() -> {
            Map<LocalDate, Long> days = new HashMap<>();
            for (Chat c : window(from, to)) {
                days.merge(LocalDate.ofInstant(c.createdAt(), zone), 1L, Long::sum);
            }
            return days;
        });
    }

    @Override
    public List<Chat> topRated(Instant from, Instant to, int limit) {
        return tx.read(() -> window(from, to).stream()
                .filter(c -> c.rating() != null)
                .sorted(Comparator.comparing((Chat c) -> c.rating())
                        .thenComparing(Chat::createdAt)
                        .thenComparingLong(Chat::id)
                        .reversed())
                .limit(limit)
                .toList());
    }
}
