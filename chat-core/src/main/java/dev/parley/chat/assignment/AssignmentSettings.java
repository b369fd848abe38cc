package dev.parley.chat.assignment;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable rules of automatic assignment; {@link #DEFAULTS} holds the documented defaults.
 *
 * @param defaultCapacity how many open chats an admin is assigned at most, unless set for them (default 5)
 * @param offlineGrace    how long an admin may be offline before their unanswered chats go back to the queue
 *                        (default 2 minutes, counted from when their heartbeat timed out or they went offline)
 */
public record AssignmentSettings(int defaultCapacity, Duration offlineGrace) {

    /** The most chats one admin can be given at once. */
    public static final int MAX_CAPACITY = 1_000;

    /** The documented defaults. */
    public static final AssignmentSettings DEFAULTS = new AssignmentSettings(5, Duration.ofMinutes(2));

    /** Checks the bounds. */
    public AssignmentSettings {
        if (defaultCapacity < 0 || defaultCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("defaultCapacity must be 0 to " + MAX_CAPACITY);
        }
        Objects.requireNonNull(offlineGrace, "offlineGrace");
        if (offlineGrace.isNegative()) {
            throw new IllegalArgumentException("offlineGrace must not be negative");
        }
    }
}
