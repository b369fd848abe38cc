package dev.parley.chat.spring.assignment;

import dev.parley.chat.assignment.AssignmentSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic assignment under {@code parley.assignment.*}.
 *
 * @param defaultCapacity how many open chats an admin is assigned at most unless set for them
 * @param offlineGrace    how long an admin may be offline before their unanswered chats go back to the queue
 * @param sweepInterval   how often this node puts such chats back and drains every queue, as a safety net
 * @param sweep           whether this node sweeps (another node sharing the database may do it instead)
 */
@ConfigurationProperties("parley.assignment")
public record ParleyAssignmentProperties(
        @DefaultValue("5") int defaultCapacity,
        @DefaultValue("2m") Duration offlineGrace,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("true") boolean sweep) {

    /** The core's settings built from these properties. */
    public AssignmentSettings toSettings() {
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalStateException("parley.assignment.sweep-interval must be positive");
        }
        try {
            return new AssignmentSettings(defaultCapacity, offlineGrace);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.assignment: " + e.getMessage(), e);
        }
    }
}
