package dev.parley.chat.file;

/**
 * Validated bytes to store.
 *
 * @param chatId       the chat the file belongs to
 * @param storedName   a generated name for the stored object (no path, safe everywhere)
 * @param originalName the sanitised original name, kept as metadata only
 * @param type         the type decided from the content
 * @param content      the bytes
 */
public record FileToStore(long chatId, String storedName, String originalName, FileType type, byte[] content) {}
