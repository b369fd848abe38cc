package dev.parley.chat.store;

import dev.parley.chat.Chat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Aggregates for the analytics report over chats created in {@code [from, to)}, computed where the data is. */
public interface AnalyticsQueries {

    /** Counts and sums over the window's chats. */
    WindowTotals totals(Instant from, Instant to);

    /** Chats created per local date in the zone (only dates that have chats). */
    Map<LocalDate, Long> dailyVolume(Instant from, Instant to, ZoneId zone);

    /** Rated chats of the window, best rating first, newest first among equals (then highest id), at most limit. */
    List<Chat> topRated(Instant from, Instant to, int limit);
}
