package dev.parley.chat.department;

import dev.parley.chat.hours.BusinessHours;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Business hours per department, with a default for every department without its own. With nothing stored, every
 * department is always open (in the report time zone). Outside the hours chats are still taken: they wait, and the
 * offline email tells the team, as when nobody is online.
 */
public interface BusinessHoursService {

    /** The calendar that applies to this department now: its own, else the default. NOT_FOUND for an unknown slug. */
    BusinessHours hoursOf(String department);

    /** The calendar stored for this department, or the default one when {@code department} is null. */
    Optional<BusinessHours> storedHours(@Nullable String department);

    /** Stores the calendar of this department, or the default one when {@code department} is null. */
    void setHours(@Nullable String department, BusinessHours hours);

    /** Removes the calendar of this department (it then follows the default), or the default one; answers whether there was one. */
    boolean clearHours(@Nullable String department);

    /** Whether this department is open now and when that changes. NOT_FOUND for an unknown slug. */
    DepartmentHours now(String department);

    /** {@link #now} for every department, in the order of the department list. */
    List<DepartmentHours> now();
}
