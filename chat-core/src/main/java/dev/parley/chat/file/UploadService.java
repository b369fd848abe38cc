package dev.parley.chat.file;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Accepts a visitor's file for their chat: checks it by content and size, stores it, and records it. */
public interface UploadService {

    /**
     * Validates and stores a file for the chat of the session id.
     *
     * @param sessionId    the visitor's session id; the chat must exist and not be CLOSED
     * @param originalName the file name the client sent
     * @param content      the bytes; read at most up to the size limit plus one byte
     */
    StoredFile upload(@Nullable String sessionId, @Nullable String originalName, InputStream content);
}
