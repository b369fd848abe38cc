package dev.parley.chat.spring.web;

import dev.parley.chat.ParleyException;
import dev.parley.chat.department.DepartmentHours;
import dev.parley.chat.hours.BusinessHours;
import dev.parley.chat.hours.OpeningPeriod;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The JSON of business hours: calendars in and out, and whether a department is open. */
final class HoursViews {

    /** At most this many opening periods in one calendar. */
    static final int MAX_PERIODS = 100;
    /** At most this many closed dates in one calendar. */
    static final int MAX_CLOSED_DATES = 500;

    private HoursViews() {}

    /**
     * A calendar.
     *
     * @param zone        an IANA time zone, e.g. {@code Europe/Berlin}
     * @param periods     weekly periods such as {@code MONDAY 09:00-17:00}; one ending before it starts runs past midnight
     * @param closedDates dates closed all day, {@code yyyy-MM-dd}
     */
    record Calendar(String zone, List<String> periods, List<String> closedDates) {

        static Calendar of(BusinessHours h) {
            return new Calendar(h.zone().getId(), h.periods().stream().map(OpeningPeriod::toString).toList(),
                    h.closedDates().stream().sorted().map(LocalDate::toString).toList());
        }
    }

    /** A calendar to store, for one department or (department absent) the default of all. */
    record HoursRequest(@Nullable String department, @Nullable String zone, @Nullable List<String> periods,
            @Nullable List<String> closedDates) {

        BusinessHours hours() {
            if (zone == null || zone.isBlank()) {
                throw ParleyException.invalid("zone is required, e.g. \"Europe/Berlin\"");
            }
            ZoneId id;
            try {
                id = ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                throw ParleyException.invalid("zone '" + zone + "' is not a time zone; use an IANA name such as "
                        + "\"Europe/Berlin\"");
            }
            List<String> p = periods == null ? List.of() : periods;
            List<String> d = closedDates == null ? List.of() : closedDates;
            if (p.size() > MAX_PERIODS) {
                throw ParleyException.invalid("at most " + MAX_PERIODS + " periods");
            }
            if (d.size() > MAX_CLOSED_DATES) {
                throw ParleyException.invalid("at most " + MAX_CLOSED_DATES + " closed dates");
            }
            Set<LocalDate> dates = new LinkedHashSet<>();
            for (String date : d) {
                try {
                    dates.add(LocalDate.parse(String.valueOf(date).strip()));
                } catch (DateTimeParseException e) {
                    throw ParleyException.invalid("closed date '" + date + "' is not a date like 2026-12-25");
                }
            }
            return new BusinessHours(id, p.stream().map(s -> OpeningPeriod.parse(String.valueOf(s))).toList(), dates);
        }
    }

    /**
     * Whether a department is open, for visitors: enough for "We're closed. We reopen Monday at 09:00".
     *
     * @param department       the department's slug
     * @param open             whether it is open now
     * @param nextOpening      when it next opens (now while open); null when not within a year
     * @param nextOpeningLocal that moment on the team's wall clock, in {@code zone}
     * @param closesAt         when the current opening ends; null while closed
     * @param zone             the team's time zone
     */
    record Availability(String department, boolean open, @Nullable Instant nextOpening,
            @Nullable LocalDateTime nextOpeningLocal, @Nullable Instant closesAt, String zone) {

        static Availability of(DepartmentHours h) {
            ZoneId zone = h.hours().zone();
            return new Availability(h.department(), h.open(), h.nextOpening(),
                    h.nextOpening() == null ? null : LocalDateTime.ofInstant(h.nextOpening(), zone), h.closesAt(),
                    zone.getId());
        }
    }

    /** A department's availability with its calendar, for admins. */
    record DepartmentCalendar(Availability availability, boolean ownHours, Calendar hours) {

        static DepartmentCalendar of(DepartmentHours h) {
            return new DepartmentCalendar(Availability.of(h), h.ownHours(), Calendar.of(h.hours()));
        }
    }

    /** Every department's availability and the stored default calendar (null: always open). */
    record Overview(@Nullable Calendar defaultHours, List<DepartmentCalendar> departments) {}
}
