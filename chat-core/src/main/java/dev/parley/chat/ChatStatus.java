package dev.parley.chat;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a chat: ACTIVE and WAITING are open, RESOLVED can be reopened, CLOSED is final. This type is the
 * one statement of which status may follow which and why ({@link #causes}); {@link Chat} applies it, and
 * {@code docs/concepts.md} shows the same table.
 */
public enum ChatStatus {
    /** Open, and someone can answer. */
    ACTIVE,
    /** Open, but no admin was online when the visitor wrote. */
    WAITING,
    /** Done for now; a message reopens it. */
    RESOLVED,
    /** Finished for good; takes no new messages and no status change. */
    CLOSED;

    /** What moves a chat from one status to another. */
    public enum Cause {
        /** The visitor writes: the chat becomes ACTIVE when an admin serving it is online, else WAITING. */
        VISITOR_WRITES,
        /** An admin writes: the chat becomes ACTIVE. */
        ADMIN_WRITES,
        /** An admin sets the status. */
        ADMIN_SETS
    }

    /** Whether the chat is open (ACTIVE or WAITING). */
    public boolean isOpen() {
        return this == ACTIVE || this == WAITING;
    }

    /** Whether the chat counts as resolved in reports (RESOLVED or CLOSED). */
    public boolean isResolved() {
        return this == RESOLVED || this == CLOSED;
    }

    /** Whether the chat takes new messages: every status but CLOSED. */
    public boolean takesMessages() {
        return this != CLOSED;
    }

    /**
     * What may move a chat from this status to {@code target}; empty when nothing may (staying put is no move). A
     * RESOLVED chat becomes WAITING only when its visitor writes while nobody is online; an admin reopens it as
     * ACTIVE.
     */
    public Set<Cause> causes(ChatStatus target) {
        if (this == CLOSED || target == this) {
            return EnumSet.noneOf(Cause.class);
        }
        return switch (target) {
            case ACTIVE -> EnumSet.allOf(Cause.class);
            case WAITING -> this == RESOLVED ? EnumSet.of(Cause.VISITOR_WRITES)
                    : EnumSet.of(Cause.VISITOR_WRITES, Cause.ADMIN_SETS);
            case RESOLVED, CLOSED -> EnumSet.of(Cause.ADMIN_SETS);
        };
    }

    /** The statuses this one may move to, for any cause. */
    public Set<ChatStatus> successors() {
        Set<ChatStatus> result = EnumSet.noneOf(ChatStatus.class);
        for (ChatStatus target : values()) {
            if (!causes(target).isEmpty()) {
                result.add(target);
            }
        }
        return result;
    }

    /** The statuses {@code cause} may move a chat in this status to. */
    public Set<ChatStatus> successors(Cause cause) {
        Set<ChatStatus> result = EnumSet.noneOf(ChatStatus.class);
        for (ChatStatus target : values()) {
            if (causes(target).contains(cause)) {
                result.add(target);
            }
        }
        return result;
    }

    /** Whether moving from this status to {@code target} is allowed for some cause (staying put always is). */
    public boolean canMoveTo(ChatStatus target) {
        return target == this || !causes(target).isEmpty();
    }
}
