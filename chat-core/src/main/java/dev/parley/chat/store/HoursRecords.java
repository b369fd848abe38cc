package dev.parley.chat.store;

import dev.parley.chat.hours.BusinessHours;
import java.util.Optional;

/** Stored business hours: a calendar per department, and one for every department without its own. */
public interface HoursRecords {

    /** The key of the calendar that applies to every department without one of its own. */
    long DEFAULT = 0;

    /** The calendar stored for this department id, or for {@link #DEFAULT}. */
    Optional<BusinessHours> find(long departmentId);

    /** Stores or replaces the calendar of this department id, or of {@link #DEFAULT}. */
    void put(long departmentId, BusinessHours hours);

    /** Removes the calendar of this department id, or of {@link #DEFAULT}; answers whether there was one. */
    boolean remove(long departmentId);
}
