package dev.parley.chat.store;

import dev.parley.chat.UploadedFile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Records of files uploaded to chats. */
public interface FileRecords {

    /** Stores a new record (its id is ignored) and answers it with the assigned id. */
    UploadedFile insert(UploadedFile file);

    /** The file with this URL uploaded to this chat. */
    Optional<UploadedFile> findByChatAndUrl(long chatId, String url);

    /** How many files were uploaded to this chat. */
    long countByChat(long chatId);

    /** The total size, in bytes, of every recorded file. */
    long totalBytes();

    /**
     * Up to {@code limit} files uploaded before the instant that no message of their chat references (by URL),
     * oldest first.
     */
    List<UploadedFile> findUnattachedBefore(Instant before, int limit);

    /**
     * Deletes the record in one statement if still no message of its chat references it; answers whether this call
     * deleted it (of several nodes sweeping at once, exactly one gets true).
     */
    boolean deleteIfUnattached(long id);
}
