package dev.parley.chat.hours;

import dev.parley.chat.ParleyException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * One weekly opening period in local time. A period whose closing time is not after its opening time runs past
 * midnight and closes on the next day ({@code FRIDAY 22:00–06:00} is Friday night; {@code 00:00–00:00} is the whole
 * day).
 *
 * @param day    the day the period opens
 * @param opens  the local time it opens
 * @param closes the local time it closes, on {@code day} or, when not after {@code opens}, on the day after
 */
public record OpeningPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {

    /** Checks the fields. */
    public OpeningPeriod {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    /** Parses {@code "MONDAY 09:00-17:30"} (day names in any case, also three-letter ones such as {@code mon}). */
    public static OpeningPeriod parse(String text) {
        String[] parts = text.strip().split("\\s+");
        String[] times = parts.length == 2 ? parts[1].split("[-–]") : new String[0];
        if (times.length != 2) {
            throw ParleyException.invalid("an opening period reads like 'MONDAY 09:00-17:30', not '" + text + "'");
        }
        try {
            return new OpeningPeriod(day(parts[0]), LocalTime.parse(times[0]), LocalTime.parse(times[1]));
        } catch (DateTimeParseException e) {
            throw ParleyException.invalid("an opening period reads like 'MONDAY 09:00-17:30', not '" + text + "'");
        }
    }

    private static DayOfWeek day(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(upper) || (upper.length() == 3 && d.name().startsWith(upper))) {
                return d;
            }
        }
        throw ParleyException.invalid("unknown day '" + name
                + "': an opening period reads like 'MONDAY 09:00-17:30', with a day from MONDAY to SUNDAY");
    }

    /** Whether the period runs past midnight into the next day. */
    public boolean crossesMidnight() {
        return !closes.isAfter(opens);
    }

    /** The local date and time it opens on {@code date}, which must be a {@link #day()}. */
    LocalDateTime opening(LocalDate date) {
        return date.atTime(opens);
    }

    /** The local date and time it closes when it opened on {@code date}. */
    LocalDateTime closing(LocalDate date) {
        return (crossesMidnight() ? date.plusDays(1) : date).atTime(closes);
    }

    @Override
    public String toString() {
        return day + " " + opens + "-" + closes;
    }
}
