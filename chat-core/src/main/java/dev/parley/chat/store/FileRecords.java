package dev.parley.chat.store;

import dev.parley.chat.UploadedFile;
import java.util.Optional;

/** Records of files uploaded to chats. */
public interface FileRecords {

    /** Stores a new record (its id is ignored) and answers it with the assigned id. */
    UploadedFile insert(UploadedFile file);

    /** The file with this URL uploaded to this chat. */
    Optional<UploadedFile> findByChatAndUrl(long chatId, String url);

    /** How many files were uploaded to this chat. */
    long countByChat(long chatId);
}
