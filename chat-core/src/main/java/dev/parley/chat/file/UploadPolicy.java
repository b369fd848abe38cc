package dev.parley.chat.file;

import java.util.EnumSet;
import java.util.Set;

/**
 * What uploads a host accepts.
 *
 * @param maxBytes          the largest file, in bytes (default 5 MB, at most 1 GiB: a file is held in memory while
 *                          it is checked)
 * @param allowedTypes      the types accepted (default all of {@link FileType}); an empty set turns uploads off
 * @param maxUploadsPerChat how many files one chat may upload (default 20)
 * @param maxTotalBytes     the storage quota of all uploads together, in bytes (default 10 GiB); over it uploads
 *                          are refused (TOO_LARGE) until files are removed
 */
public record UploadPolicy(long maxBytes, Set<FileType> allowedTypes, int maxUploadsPerChat, long maxTotalBytes) {

    /** The default storage quota of all uploads together: 10 GiB. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 10L * 1024 * 1024 * 1024;

    /** The largest {@link #maxBytes()} a policy may set: 1 GiB. */
    public static final long MAX_BYTES_LIMIT = 1024L * 1024 * 1024;

    /** 5 MB, every type, 20 uploads per chat. */
    public static final UploadPolicy DEFAULT = new UploadPolicy(5L * 1024 * 1024, EnumSet.allOf(FileType.class), 20);

    /** A policy with the default storage quota. */
    public UploadPolicy(long maxBytes, Set<FileType> allowedTypes, int maxUploadsPerChat) {
        this(maxBytes, allowedTypes, maxUploadsPerChat, DEFAULT_MAX_TOTAL_BYTES);
    }

    /** Checks the bounds and copies the set. */
    public UploadPolicy {
        if (maxBytes < 1 || maxBytes > MAX_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + MAX_BYTES_LIMIT + ", was "
                    + maxBytes);
        }
        if (maxUploadsPerChat < 1) {
            throw new IllegalArgumentException("maxUploadsPerChat must be positive");
        }
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxTotalBytes must be positive");
        }
        allowedTypes = allowedTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedTypes));
    }

    /** This policy with another size limit. */
    public UploadPolicy withMaxBytes(long value) {
        return new UploadPolicy(value, allowedTypes, maxUploadsPerChat, maxTotalBytes);
    }

    /** This policy with another allow-list. */
    public UploadPolicy withAllowedTypes(Set<FileType> value) {
        return new UploadPolicy(maxBytes, value, maxUploadsPerChat, maxTotalBytes);
    }

    /** This policy with another per-chat upload limit. */
    public UploadPolicy withMaxUploadsPerChat(int value) {
        return new UploadPolicy(maxBytes, allowedTypes, value, maxTotalBytes);
    }

    /** This policy with another storage quota. */
    public UploadPolicy withMaxTotalBytes(long value) {
        return new UploadPolicy(maxBytes, allowedTypes, maxUploadsPerChat, value);
    }
}
