package dev.parley.chat.spring.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request written by hand on a socket, so a test controls how much of a body is sent before it reads the answer.
 * The answer is read until the JSON envelope closes, or the server closes the connection.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private long bodyBytesSent;

    RawHttp(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000); // a guard against a hung test, not an assertion
        out = socket.getOutputStream();
    }

    /** Writes the request line and headers (each "Name: value"). */
    RawHttp head(String method, String path, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        out.write(sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Writes {@code bytes} bytes of body filler (spaces, which JSON allows anywhere), as one chunk each 64 KB when {@code chunked}. */
    RawHttp body(long bytes, boolean chunked) throws IOException {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) ' ');
        for (long left = bytes; left > 0; ) {
            int n = (int) Math.min(block.length, left);
            if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(block, 0, n);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            left -= n;
            bodyBytesSent += n;
        }
        out.flush();
        return this;
    }

    long bodyBytesSent() {
        return bodyBytesSent;
    }

    /** Reads the answer: the status and the text after the headers, up to the end of the envelope. */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            String text = seen.toString(StandardCharsets.UTF_8);
            int bodyStart = text.indexOf("\r\n\r\n");
            if (bodyStart >= 0 && text.indexOf("}}", bodyStart) >= 0) {
                break;
            }
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.write(buffer, 0, n);
        }
        String text = seen.toString(StandardCharsets.UTF_8);
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyStart = text.indexOf("\r\n\r\n");
        return new Answer(status, text.substring(0, Math.max(bodyStart, 0)), bodyStart < 0 ? ""
                : text.substring(bodyStart + 4));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A status, the headers as text, and the body as text (chunk sizes included when chunked). */
    record Answer(int status, String headers, String body) {}
}
