package dev.parley.chat;

/** Who wrote a message. */
public enum Sender {
    /** The visitor of the website. */
    VISITOR,
    /** A member of staff; the message's {@code senderId} is the admin's id. */
    ADMIN,
    /** Parley itself, e.g. "an agent is now available". */
    SYSTEM
}
