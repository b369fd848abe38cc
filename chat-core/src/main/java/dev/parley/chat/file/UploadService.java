package dev.parley.chat.file;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Accepts a visitor's file for their chat: checks it by content and size, stores it, and records it. */
public interface UploadService {

    /**
     * Validates and stores a file for the chat of the session id. Errors ({@code ParleyException} codes):
     * VALIDATION (no session id, empty file, NUL in the name, unreadable upload), NOT_FOUND (no chat has the
     * session id), CONFLICT (the chat is CLOSED or has its most files), TOO_LARGE (over the size limit),
     * UNSUPPORTED_TYPE (content not an allowed type, malformed, a polyglot, or a name whose extension disagrees),
     * STORAGE_UNAVAILABLE (the storage failed). Nothing refused is stored.
     *
     * @param sessionId    the visitor's session id; the chat must exist and not be CLOSED
     * @param originalName the file name the client sent; sanitised and kept as metadata only
     * @param content      the bytes; read at most up to the size limit plus one byte, and not closed
     * @return where the file is, with its sanitised name, size and the MIME type decided from the content
     */
    StoredFile upload(@Nullable String sessionId, @Nullable String originalName, InputStream content);
}
