package dev.parley.chat.file;

/**
 * A file as storage answered it.
 *
 * @param url      where the file can be fetched
 * @param publicId the storage's id, for deletion
 * @param fileName the original (sanitised) file name
 * @param fileSize size in bytes
 * @param fileType the MIME type decided from the content
 */
public record StoredFile(String url, String publicId, String fileName, long fileSize, String fileType) {}
