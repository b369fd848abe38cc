package dev.parley.chat.file;

import java.util.EnumSet;
import java.util.Set;

/**
 * What uploads a host accepts.
 *
 * @param maxBytes          the largest file, in bytes (default 5 MB)
 * @param allowedTypes      the types accepted (default all of {@link FileType})
 * @param maxUploadsPerChat how many files one chat may upload (default 20)
 */
public record UploadPolicy(long maxBytes, Set<FileType> allowedTypes, int maxUploadsPerChat) {

    /** 5 MB, every type, 20 uploads per chat. */
    public static final UploadPolicy DEFAULT = new UploadPolicy(5L * 1024 * 1024, EnumSet.allOf(FileType.class), 20);

    /** Checks the bounds and copies the set. */
    public UploadPolicy {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (maxUploadsPerChat < 1) {
            throw new IllegalArgumentException("maxUploadsPerChat must be positive");
        }
        allowedTypes = allowedTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedTypes));
    }
}
