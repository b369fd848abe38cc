package dev.parley.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The status and the headers that frame the body of an HTTP/1.1 answer.
 *
 * @param status        the status code
 * @param contentLength the Content-Length, or -1
 * @param chunked       whether the body is chunked
 * @param close         whether the server closes the connection after it
 */
record HttpHead(int status, long contentLength, boolean chunked, boolean close) {

    static HttpHead read(InputStream in, StringBuilder line) throws IOException {
        String status = readLine(in, line);
        if (status == null) {
            throw new EOFException("the connection closed before an answer");
        }
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = readLine(in, line); h != null && !h.isEmpty(); h = readLine(in, line)) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? "" : h.substring(0, colon).strip();
            String value = colon < 0 ? "" : h.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        return new HttpHead(Integer.parseInt(status.substring(9, 12)), length, chunked, close);
    }

    void skipBody(InputStream in, StringBuilder line) throws IOException {
        if (chunked) {
            for (long size = chunkSize(readLine(in, line)); size > 0; size = chunkSize(readLine(in, line))) {
                in.skipNBytes(size);
                readLine(in, line);
            }
            for (String trailer = readLine(in, line); trailer != null && !trailer.isEmpty(); ) {
                trailer = readLine(in, line);
            }
        } else if (contentLength >= 0) {
            in.skipNBytes(contentLength);
        } else {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** The size in a chunk's header line. */
    static long chunkSize(@Nullable String header) throws IOException {
        if (header == null) {
            throw new IOException("the connection closed inside a chunked body");
        }
        int semicolon = header.indexOf(';');
        return Long.parseLong((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
    }

    /** One line (without CRLF) as ASCII, or null at the end of the stream. */
    static @Nullable String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
