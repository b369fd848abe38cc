package dev.parley.chat.spring.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Messages that tell a client what is wrong with its input, without echoing more than a short excerpt. */
final class InputErrors {

    private static final int MAX_ECHO = 40;

    private InputErrors() {}

    static String unreadableBody(HttpMessageNotReadableException e) {
        JacksonException jackson = find(e);
        if (jackson == null) {
            return "a JSON request body is required";
        }
        String field = field(jackson);
        if (jackson instanceof InvalidFormatException f) {
            return "field '" + field + "' has an invalid value " + echo(f.getValue()) + "; expected "
                    + expected(f.getTargetType());
        }
        if (jackson instanceof MismatchedInputException m) {
            if (field.isEmpty()) {
                return "the request body must be a JSON object";
            }
            return "field '" + field + "' must be " + expected(m.getTargetType());
        }
        if (jackson instanceof StreamReadException r) {
            String where = r.getLocation() == null ? ""
                    : " at line " + r.getLocation().getLineNr() + ", column " + r.getLocation().getColumnNr();
            return "the request body is not valid JSON" + where;
        }
        return field.isEmpty() ? "the request body could not be read"
                : "field '" + field + "' could not be read";
    }

    /** What is too large about a body that could not be read, or null when it was not a limit. */
    static @Nullable String tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException b) {
                return b.getMessage();
            }
            if (t instanceof StreamConstraintsException c) {
                String reason = c.getOriginalMessage().replaceAll(", from `StreamReadConstraints[^`]*`", "");
                return "the request body is over a limit of Parley's JSON input: " + reason;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String parameterType(MethodArgumentTypeMismatchException e) {
        return "parameter '" + e.getName() + "' must be " + expected(e.getRequiredType()) + ", was "
                + echo(e.getValue());
    }

    static String bytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    private static @Nullable JacksonException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String field(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 time such as 2024-05-01T12:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type.isRecord() || !type.getName().startsWith("java.")) {
            return "a JSON object";
        }
        return "a " + type.getSimpleName();
    }

    private static String echo(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        return "'" + (s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) + "…" : s) + "'";
    }
}
