package dev.parley.chat.department;

import dev.parley.chat.hours.BusinessHours;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a department is open at a moment, and when that changes.
 *
 * @param department  the department's slug
 * @param hours       the calendar that applies: the department's own, else the default of all departments
 * @param ownHours    whether the department has a calendar of its own
 * @param open        whether it is open at {@code at}
 * @param nextOpening when it next opens ({@code at} itself while open); null when it does not open within a year
 * @param closesAt    when the current opening ends; null while closed or when it does not end within a year
 * @param at          the moment asked about
 */
public record DepartmentHours(String department, BusinessHours hours, boolean ownHours, boolean open,
        @Nullable Instant nextOpening, @Nullable Instant closesAt, Instant at) {

    /** The state of {@code hours} at {@code at}. */
    public static DepartmentHours of(String department, BusinessHours hours, boolean ownHours, Instant at) {
        return new DepartmentHours(department, hours, ownHours, hours.isOpenAt(at),
                hours.nextOpening(at).orElse(null), hours.closesAfter(at).orElse(null), at);
    }
}
