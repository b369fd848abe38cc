package dev.parley.chat.spring.web;

import dev.parley.chat.ChatStatus;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.ParleyException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Parsing of query parameters that need more than a type conversion. */
final class Cursors {

    private Cursors() {}

    /** {@code after}: a message id (digits) or an ISO-8601 time; null when absent. */
    static @Nullable MessageCursor after(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        String v = after.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return new MessageCursor.AfterId(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw ParleyException.invalid("parameter 'after' is too large a message id");
            }
        }
        try {
            return new MessageCursor.AfterTime(Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw ParleyException.invalid("parameter 'after' must be a message id or an ISO-8601 time such as "
                    + "2024-05-01T12:00:00Z");
        }
    }

    /** A chat status, case-insensitive; null when absent. */
    static @Nullable ChatStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ChatStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ParleyException.invalid("parameter 'status' must be one of "
                    + Arrays.toString(ChatStatus.values()));
        }
    }
}
