package dev.parley.chat;

/**
 * A file attached to a message: it must have been uploaded to the same chat first.
 *
 * @param url      the URL the upload answered
 * @param fileName the original file name (metadata only)
 * @param fileSize the size in bytes
 */
public record Attachment(String url, String fileName, long fileSize) {}
