package dev.parley.chat.file;

import dev.parley.chat.store.ChatStore;
import java.io.InputStream;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Checks uploads by content and size, stores them, and records them for their chat. */
public final class DefaultUploadService implements UploadService {

    private final ChatStore store;
    private final FileStorage storage;
    private final UploadPolicy policy;
    private final Clock clock;

    /** Creates the service. */
    public DefaultUploadService(ChatStore store, FileStorage storage, UploadPolicy policy, Clock clock) {
        this.store = store;
        this.storage = storage;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public StoredFile upload(@Nullable String sessionId, @Nullable String originalName, InputStream content) {
        throw new UnsupportedOperationException("uploads are built by the file-upload issue");
    }
}
