package dev.parley.chat.assignment;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.ParleyException;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Automatic assignment. Each department has a queue: its open chats with no assignee, in arrival order. In a
 * department whose mode is not {@link AssignmentMode#MANUAL}, the queue is drained to the online admins who serve
 * it and have room, whenever capacity may have been freed or added; {@link #drain} is the one entry for any change
 * that does so (a transfer, for one).
 */
public interface AssignmentService {

    /**
     * The department's mode.
     *
     * @throws ParleyException NOT_FOUND for an unknown department
     */
    AssignmentMode mode(String department);

    /**
     * Sets the department's mode, then drains its queue.
     *
     * @throws ParleyException NOT_FOUND for an unknown department
     */
    AssignmentMode setMode(String department, AssignmentMode mode);

    /**
     * The admin's capacity: their own value, else the default.
     *
     * @throws ParleyException VALIDATION for an admin the directory does not know
     */
    int capacity(String adminId);

    /**
     * Sets the admin's capacity (0 to {@link AssignmentSettings#MAX_CAPACITY}; null for the default), then drains the
     * queues; answers the capacity that now applies.
     *
     * @throws ParleyException VALIDATION for an unknown admin or a capacity out of bounds
     */
    int setCapacity(String adminId, @Nullable Integer capacity);

    /** Every admin of the directory with their open assigned chats and capacity, by id. */
    List<AdminLoad> loads();

    /**
     * The department's queue in arrival order, at most {@code limit} chats.
     *
     * @throws ParleyException NOT_FOUND for an unknown department
     */
    List<QueuedChat> queue(String department, int limit);

    /**
     * The chat's place in its department's queue (1 is next) while its visitor waits for an agent; empty once it has
     * an assignee, an admin answered it, or it is resolved.
     */
    OptionalInt position(Chat chat);

    /** Assigns the department's queue while it has chats and its admins have room; answers how many were assigned. */
    int drain(String department);

    /** {@link #drain Drains} every department that assigns automatically. */
    int drainAll();

    /**
     * The safety net, run periodically: puts the unanswered chats of admins offline for longer than the grace back
     * into the queue, then drains every queue.
     */
    Sweep sweep();
}
