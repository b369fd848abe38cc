package dev.parley.chat.store;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What automatic assignment stores: each department's mode, each admin's capacity and last assignment, and the
 * reads of the queue (a department's open chats with no assignee, in arrival order: created first, then lower id).
 * The rules live in {@code dev.parley.chat.assignment}; this only reads, writes and takes the locks it promises.
 */
public interface AssignmentRecords {

    /** The department's mode; MANUAL when none was set or no department has this slug. */
    AssignmentMode mode(String department);

    /** Stores the department's mode; answers false when no department has this slug. */
    boolean setMode(String department, AssignmentMode mode);

    /** The slugs of the departments whose mode is not MANUAL. */
    List<String> automaticDepartments();

    /**
     * Locks the department's queue until the current transaction ends (its department row, SELECT … FOR UPDATE), so
     * that one drain at a time takes from it, and answers the department's mode.
     */
    AssignmentMode lockQueue(String department);

    /** The department's queue: its open chats with no assignee in arrival order, at most {@code limit}. */
    List<Chat> queue(String department, int limit);

    /** How many chats of the chat's department queue arrived before it. */
    long queuedBefore(Chat chat);

    /**
     * Locks the rows of these admins until the current transaction ends (creating missing rows; in id order, so two
     * transactions never wait on each other in a circle) and answers their state.
     */
    List<Agent> lockAgents(Collection<String> adminIds);

    /** Records that the admin was assigned a chat at this time. */
    void assigned(String adminId, Instant at);

    /** The capacities set per admin, by admin id. */
    Map<String, Integer> capacities();

    /** Stores an admin's capacity; null removes it, so the default applies. */
    void setCapacity(String adminId, @Nullable Integer capacity);

    /** Open chats with an assignee that no admin answered yet (no first response), oldest first, at most limit. */
    List<Chat> assignedUnanswered(int limit);

    /**
     * An admin's assignment state.
     *
     * @param adminId        the admin's id
     * @param openChats      open chats assigned to them now
     * @param capacity       their own capacity; null for the default
     * @param lastAssignedAt when they were last assigned a chat automatically; null for never
     */
    record Agent(String adminId, int openChats, @Nullable Integer capacity, @Nullable Instant lastAssignedAt) {}
}
