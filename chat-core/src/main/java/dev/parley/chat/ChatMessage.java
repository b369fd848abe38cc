package dev.parley.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of a chat.
 *
 * @param id          store-assigned id, increasing within a chat
 * @param chatId      the chat it belongs to
 * @param sender      who wrote it
 * @param senderId    the admin's id for {@link Sender#ADMIN}, otherwise null
 * @param message     the text (may be empty for an attachment)
 * @param messageType text, image or file
 * @param fileUrl     the attachment's URL, if any
 * @param fileName    the attachment's original name, if any
 * @param fileSize    the attachment's size in bytes, if any
 * @param createdAt   when it was stored
 * @param readAt      when the other side read it, if it has
 */
public record ChatMessage(
        long id,
        long chatId,
        Sender sender,
        @Nullable String senderId,
        String message,
        MessageType messageType,
        @Nullable String fileUrl,
        @Nullable String fileName,
        @Nullable Long fileSize,
        Instant createdAt,
        @Nullable Instant readAt) {

    /** This message with the store-assigned id. */
    public ChatMessage withId(long newId) {
        return new ChatMessage(newId, chatId, sender, senderId, message, messageType, fileUrl, fileName, fileSize,
                createdAt, readAt);
    }
}
