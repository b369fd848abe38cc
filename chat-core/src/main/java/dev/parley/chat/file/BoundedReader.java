package dev.parley.chat.file;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads an upload into memory, never more than the limit plus one byte, which is how an oversize file shows. */
final class BoundedReader {

    private static final int CHUNK = 8192;

    private BoundedReader() {}

    /**
     * The whole content when it is at most {@code limit} bytes; a TOO_LARGE error as soon as one byte more arrives.
     * The stream is left open and is not drained.
     */
    static byte[] read(InputStream in, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit + 1, 64 * 1024));
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        try {
            while (total <= limit) {
                int n = in.read(buffer, 0, (int) Math.min(CHUNK, limit + 1 - total));
                if (n < 0) {
                    return out.toByteArray();
                }
                total += n;
                if (total <= limit) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.VALIDATION, "the upload could not be read to its end; send it again",
                    e);
        }
        throw new ParleyException(ErrorCode.TOO_LARGE, "the file is larger than the limit of " + describe(limit));
    }

    /** A size for people: bytes, KB or MB. */
    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
