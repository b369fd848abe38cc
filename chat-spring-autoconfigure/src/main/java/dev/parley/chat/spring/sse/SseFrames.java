package dev.parley.chat.spring.sse;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-Sent Event frames as UTF-8 bytes, written to the response's output stream as they are. Multi-line data and
 * comments become one {@code data:} (or {@code :}) line per line, and a line starting with a space keeps it (the
 * space after the colon is the one a client strips).
 */
final class SseFrames {

    /** Parley's JSON, as in the HTTP API: Jackson 3's defaults, whatever the application configures for its own. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SseFrames() {}

    /** A comment frame ({@code :text}), which clients ignore; keeps a connection open. */
    static byte[] comment(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 4);
        lines(sb, ":", text);
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The suggested reconnection delay ({@code retry:}) with a comment. */
    static byte[] retry(long millis, String comment) {
        StringBuilder sb = new StringBuilder(comment.length() + 24).append("retry:").append(millis).append('\n');
        lines(sb, ":", comment);
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A named event with an id and the data serialized as JSON. */
    static byte[] json(String id, String name, Object data) {
        return event(id, name, JSON.writeValueAsString(data));
    }

    /** A named event with an id and text data. */
    static byte[] event(String id, String name, String data) {
        StringBuilder sb = new StringBuilder(data.length() + id.length() + name.length() + 24);
        sb.append("id:").append(singleLine(id)).append('\n');
        sb.append("event:").append(singleLine(name)).append('\n');
        lines(sb, "data:", data);
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends each line of the text (split at CRLF, LF or CR) after the field's prefix ({@code :} for comments). */
    private static void lines(StringBuilder sb, String field, String text) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                sb.append(field);
                if (i > start && text.charAt(start) == ' ') {
                    sb.append(' ');
                }
                sb.append(text, start, i).append('\n');
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
    }

    private static String singleLine(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an SSE id or event name must be one line: " + value);
        }
        return value;
    }
}
