package dev.parley.chat.store.memory;

import dev.parley.chat.Chat;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.ChatContribution;
import dev.parley.chat.store.WindowTotals;
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
            Map<String, ChatContribution> departments = new HashMap<>();
            for (Chat c : window(from, to)) {
                departments.merge(c.department(), ChatContribution.of(c), ChatContribution::plus);
            }
            return ChatContribution.totals(departments);
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
