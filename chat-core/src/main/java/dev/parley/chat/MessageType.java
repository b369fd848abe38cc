package dev.parley.chat;

/** What a message carries. */
public enum MessageType {
    /** Text only. */
    TEXT,
    /** An image attachment (shown inline). */
    IMAGE,
    /** A document attachment. */
    FILE,
    /**
     * An internal note: text written by an admin that only admins see. It is no reply: it is not counted in the
     * analytics, records no first response and changes no status.
     */
    NOTE;

    /** Whether the chat's visitor may see a message of this type (every type but {@link #NOTE}). */
    public boolean visibleToVisitor() {
        return this != NOTE;
    }
}
