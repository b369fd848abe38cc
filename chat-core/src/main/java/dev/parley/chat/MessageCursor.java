package dev.parley.chat;

import java.time.Instant;

/** Where to start reading a chat's messages: after a message id, or after a time. */
public sealed interface MessageCursor {

    /** Messages with an id greater than {@code id}. */
    record AfterId(long id) implements MessageCursor {}

    /** Messages created strictly after {@code time}. */
    record AfterTime(Instant time) implements MessageCursor {}
}
