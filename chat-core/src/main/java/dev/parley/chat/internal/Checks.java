package dev.parley.chat.internal;

import dev.parley.chat.ParleyException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Input checks shared by the services; each failure is a VALIDATION error naming the field and the fix. */
public final class Checks {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]+");
    private static final int MAX_SLUG = 50;

    private Checks() {}

    /** A required single-line text: trimmed, not blank, at most {@code max} characters, no control characters. */
    public static String requiredLine(@Nullable String value, String field, int max) {
        String v = optionalLine(value, field, max);
        if (v == null) {
            throw ParleyException.invalid(field + " is required");
        }
        return v;
    }

    /** An optional single-line text: trimmed, null when blank, at most {@code max} characters, no control chars. */
    public static @Nullable String optionalLine(@Nullable String value, String field, int max) {
        String v = optionalText(value, field, max);
        if (v != null && v.chars().anyMatch(Character::isISOControl)) {
            throw ParleyException.invalid(field + " must be a single line without control characters");
        }
        return v;
    }

    /** An optional multi-line text: trimmed, null when blank, at most {@code max} characters. */
    public static @Nullable String optionalText(@Nullable String value, String field, int max) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            throw ParleyException.invalid(field + " must be at most " + max + " characters, was " + v.length());
        }
        if (v.chars().anyMatch(c -> c == 0)) {
            throw ParleyException.invalid(field + " must not contain NUL characters");
        }
        return v;
    }

    /** An optional email address: trimmed, null when blank, plausible, at most 254 characters, one line. */
    public static @Nullable String optionalEmail(@Nullable String value, String field) {
        String v = optionalLine(value, field, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            throw ParleyException.invalid(field + " '" + v + "' is not a valid email address");
        }
        return v;
    }

    /** An optional phone number: digits and {@code + ( ) - . /} and spaces, 5 to 30 characters, 5 digits or more. */
    public static @Nullable String optionalPhone(@Nullable String value, String field) {
        String v = optionalLine(value, field, 30);
        if (v == null) {
            return null;
        }
        long digits = v.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(v).matches() || digits < 5) {
            throw ParleyException.invalid(field + " must be a phone number: at least 5 digits, "
                    + "with only digits, spaces and + ( ) - . /");
        }
        return v;
    }

    /** A slug: lower-case letters, digits and single hyphens, 1 to 50 characters. */
    public static String slug(@Nullable String value, String field) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > MAX_SLUG || !SLUG.matcher(v).matches()) {
            throw ParleyException.invalid(field + " '" + v + "' must be 1 to " + MAX_SLUG
                    + " characters of a-z, 0-9 and single hyphens inside (e.g. 'technical-support')");
        }
        return v;
    }

    /** A slug derived from a name: accents dropped, other characters turned into hyphens. */
    public static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_SLUG) {
            s = s.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return s;
    }

    /** A number within bounds. */
    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw ParleyException.invalid(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
