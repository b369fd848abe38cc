package dev.parley.chat;

import java.time.Instant;

/**
 * The record of a file uploaded to a chat, so that messages can only reference the chat's own files.
 *
 * @param id        store-assigned id
 * @param chatId    the chat
 * @param url       the stored file's URL
 * @param publicId  the storage's id
 * @param fileName  the sanitised original name
 * @param fileSize  size in bytes
 * @param fileType  MIME type
 * @param createdAt when it was uploaded
 */
public record UploadedFile(
        long id, long chatId, String url, String publicId, String fileName, long fileSize, String fileType,
        Instant createdAt) {

    /** This record with the store-assigned id. */
    public UploadedFile withId(long newId) {
        return new UploadedFile(newId, chatId, url, publicId, fileName, fileSize, fileType, createdAt);
    }
}
