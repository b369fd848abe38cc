package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * An admin's reply on a chat.
 *
 * @param chatId      the chat
 * @param adminId     the admin writing (must exist in the host's directory)
 * @param message     the text; may be empty only with an attachment
 * @param messageType null means TEXT
 * @param attachment  required for IMAGE and FILE
 */
public record AdminMessage(
        long chatId,
        @Nullable String adminId,
        @Nullable String message,
        @Nullable MessageType messageType,
        @Nullable Attachment attachment) {

    /** A text reply. */
    public static AdminMessage text(long chatId, String adminId, String message) {
        return new AdminMessage(chatId, adminId, message, MessageType.TEXT, null);
    }
}
