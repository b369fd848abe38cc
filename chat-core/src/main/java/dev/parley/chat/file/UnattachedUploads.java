package dev.parley.chat.file;

import dev.parley.chat.UploadedFile;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes uploads that no message has attached after a while: their record first, in one conditional statement, and
 * then the stored object. Safe with many nodes sweeping at once: only the node whose delete removed the record
 * deletes the object, and a file attached in the meantime is kept.
 */
public final class UnattachedUploads {

    private static final Logger log = LoggerFactory.getLogger(UnattachedUploads.class);
    private static final int BATCH = 100;

    private final ChatStore store;
    private final FileStorage storage;
    private final Clock clock;

    /** Creates the sweeper. */
    public UnattachedUploads(ChatStore store, FileStorage storage, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Removes every upload older than {@code maxAge} that no message references; answers how many. */
    public int removeOlderThan(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative");
        }
        var before = clock.instant().minus(maxAge);
        int removed = 0;
        while (true) {
            List<UploadedFile> batch = store.files().findUnattachedBefore(before, BATCH);
            int removedNow = 0;
            for (UploadedFile f : batch) {
                if (store.files().deleteIfUnattached(f.id())) {
                    removedNow++;
                    deleteStored(f);
                }
            }
            removed += removedNow;
            if (batch.size() < BATCH || removedNow == 0) {
                break;
            }
        }
        if (removed > 0) {
            log.info("Removed {} uploads never attached to a message within {}", removed, maxAge);
        }
        return removed;
    }

    private void deleteStored(UploadedFile f) {
        try {
            storage.delete(f.publicId());
        } catch (RuntimeException e) {
            log.warn("Could not delete the unattached upload {}; remove it by hand", f.publicId(), e);
        }
    }
}
