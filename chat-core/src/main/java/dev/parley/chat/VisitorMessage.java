package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * A visitor's message on an existing chat.
 *
 * @param sessionId   the chat's session id
 * @param message     the text; may be empty only with an attachment
 * @param messageType null means TEXT
 * @param attachment  required for IMAGE and FILE: a file uploaded to the same chat
 */
public record VisitorMessage(
        @Nullable String sessionId,
        @Nullable String message,
        @Nullable MessageType messageType,
        @Nullable Attachment attachment) {

    /** A text message. */
    public static VisitorMessage text(String sessionId, String message) {
        return new VisitorMessage(sessionId, message, MessageType.TEXT, null);
    }
}
