package dev.parley.chat.analytics;

import dev.parley.chat.ParleyException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Which report to compute: the last {@code days} local days (today included) in the zone.
 *
 * @param days 1 to 365 (default 7)
 * @param zone the time zone of days and dates
 */
public record AnalyticsQuery(int days, ZoneId zone) {

    /** Checks the bounds. */
    public AnalyticsQuery {
        if (days < 1 || days > 365) {
            throw ParleyException.invalid("days must be between 1 and 365, was " + days);
        }
        Objects.requireNonNull(zone, "zone");
    }
}
