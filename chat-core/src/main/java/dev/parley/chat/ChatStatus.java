package dev.parley.chat;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a chat. ACTIVE and WAITING are open; RESOLVED can be reopened; CLOSED is final.
 *
 * <pre>
 * ACTIVE  ⇄ WAITING
 * ACTIVE, WAITING → RESOLVED → ACTIVE (reopened)
 * ACTIVE, WAITING, RESOLVED → CLOSED (final)
 * </pre>
 */
public enum ChatStatus {
    /** Open, and someone can answer. */
    ACTIVE,
    /** Open, but no admin was online when the visitor wrote. */
    WAITING,
    /** Done for now; a visitor message reopens it. */
    RESOLVED,
    /** Finished for good; takes no new messages. */
    CLOSED;

    /** Whether the chat is open (ACTIVE or WAITING). */
    public boolean isOpen() {
        return this == ACTIVE || this == WAITING;
    }

    /** Whether the chat counts as resolved in reports (RESOLVED or CLOSED). */
    public boolean isResolved() {
        return this == RESOLVED || this == CLOSED;
    }

    /** The statuses this one may move to. */
    public Set<ChatStatus> successors() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(WAITING, RESOLVED, CLOSED);
            case WAITING -> EnumSet.of(ACTIVE, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(ACTIVE, CLOSED);
            case CLOSED -> EnumSet.noneOf(ChatStatus.class);
        };
    }

    /** Whether moving from this status to {@code target} is allowed (staying put always is). */
    public boolean canMoveTo(ChatStatus target) {
        return target == this || successors().contains(target);
    }
}
