package dev.parley.chat.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a team answers: weekly opening periods in local time and closed dates (holidays), in one time zone.
 *
 * <p>Nothing is stored as an instant: every question converts the local times of the dates it needs with the zone's
 * rules at that date, so a daylight-saving change never shifts the hours. A period that opens or closes inside the
 * hour skipped in spring counts from the moment the clocks jump (02:30 is 03:00); in the hour repeated in autumn it
 * counts from the first of the two. A closed date closes the whole local day, including the
 * part of an overnight period that runs into it. Periods that touch or overlap form one opening.
 *
 * @param zone        the time zone the local times are in
 * @param periods     the weekly opening periods; empty means never open
 * @param closedDates the local dates on which the team is closed all day
 */
public record BusinessHours(ZoneId zone, List<OpeningPeriod> periods, Set<LocalDate> closedDates) {

    /** How far ahead {@link #nextOpening} looks: beyond a year of closed dates it says there is none. */
    private static final int HORIZON_DAYS = 400;

    /** Checks and copies the fields. */
    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        periods = List.copyOf(periods);
        closedDates = Set.copyOf(closedDates);
    }

    /** Open at every moment, in the given zone (the default when a team sets no hours). */
    public static BusinessHours always(ZoneId zone) {
        List<OpeningPeriod> all = new ArrayList<>();
        for (DayOfWeek day : EnumSet.allOf(DayOfWeek.class)) {
            all.add(new OpeningPeriod(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        return new BusinessHours(zone, all, Set.of());
    }

    /** Whether the team is open at {@code at}. */
    public boolean isOpenAt(Instant at) {
        return openings(day(at).minusDays(1), 2).stream().anyMatch(o -> o.contains(at));
    }

    /**
     * The first moment at or after {@code from} at which the team is open: {@code from} itself while open, empty when
     * it does not open within about a year.
     */
    public Optional<Instant> nextOpening(Instant from) {
        LocalDate start = day(from).minusDays(1);
        for (int offset = 0; offset < HORIZON_DAYS; offset += 7) {
            for (Opening o : openings(start.plusDays(offset), 9)) {
                if (o.end.isAfter(from)) {
                    return Optional.of(o.start.isAfter(from) ? o.start : from);
                }
            }
        }
        return Optional.empty();
    }

    /** When the opening that contains {@code at} ends; empty while closed or when it never ends within a year. */
    public Optional<Instant> closesAfter(Instant at) {
        if (!isOpenAt(at)) {
            return Optional.empty();
        }
        List<Opening> ahead = openings(day(at).minusDays(1), HORIZON_DAYS);
        for (Opening o : ahead) {
            if (o.contains(at)) {
                return o == ahead.get(ahead.size() - 1) ? Optional.empty() : Optional.of(o.end);
            }
        }
        return Optional.empty();
    }

    /** The open time between two instants: only the hours when the team is open count. Zero when {@code to} is not after {@code from}. */
    public Duration openTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = day(from).minusDays(1);
        int days = (int) (day(to).toEpochDay() - first.toEpochDay()) + 1;
        Duration sum = Duration.ZERO;
        for (Opening o : openings(first, days)) {
            Instant s = o.start.isAfter(from) ? o.start : from;
            Instant e = o.end.isBefore(to) ? o.end : to;
            if (e.isAfter(s)) {
                sum = sum.plus(Duration.between(s, e));
            }
        }
        return sum;
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The openings of the periods that open on {@code days} dates from {@code first}, merged and cut by closed dates. */
    private List<Opening> openings(LocalDate first, int days) {
        List<Opening> raw = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            for (OpeningPeriod p : periods) {
                if (p.day() == date.getDayOfWeek()) {
                    raw.add(new Opening(at(p.opening(date)), at(p.closing(date))));
                }
            }
        }
        raw.sort(Comparator.comparing(o -> o.start));
        List<Opening> merged = new ArrayList<>();
        for (Opening o : raw) {
            Opening last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !o.start.isAfter(last.end)) {
                merged.set(merged.size() - 1, new Opening(last.start, o.end.isAfter(last.end) ? o.end : last.end));
            } else if (o.end.isAfter(o.start)) {
                merged.add(o);
            }
        }
        return closedDates.isEmpty() ? merged : withoutClosedDates(merged);
    }

    private List<Opening> withoutClosedDates(List<Opening> openings) {
        List<Opening> result = new ArrayList<>();
        for (Opening o : openings) {
            Instant start = o.start;
            LocalDate date = day(o.start);
            while (start.isBefore(o.end)) {
                Instant nextMidnight = at(date.plusDays(1).atStartOfDay());
                Instant end = nextMidnight.isBefore(o.end) ? nextMidnight : o.end;
                if (!closedDates.contains(date)) {
                    Opening last = result.isEmpty() ? null : result.get(result.size() - 1);
                    if (last != null && last.end.equals(start)) {
                        result.set(result.size() - 1, new Opening(last.start, end));
                    } else {
                        result.add(new Opening(start, end));
                    }
                }
                start = end;
                date = date.plusDays(1);
            }
        }
        return result;
    }

    /** The first instant whose wall clock reads {@code local} or later. */
    private Instant at(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** One continuous opening, start inclusive and end exclusive. */
    private record Opening(Instant start, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
