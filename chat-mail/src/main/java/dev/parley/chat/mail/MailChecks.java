package dev.parley.chat.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Checks and cleaning of values that end up in mail headers or links. */
final class MailChecks {

    private MailChecks() {}

    /**
     * The value as one header-safe line: every control character (CR, LF, tab, NUL, NEL, …) and Unicode line or
     * paragraph separator (and bidi override) becomes a space, runs of spaces collapse, ends are trimmed, and the result is cut to
     * {@code max} characters. Nothing in the result can start a new header line.
     */
    static String oneLine(String value, int max) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = Character.isISOControl(c) || Character.isWhitespace(c) || c == '\u2028'
                    || c == '\u2029' || isBidiControl(c);
            if (blank) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        if (out.length() > max) {
            int cut = max - 1;
            if (Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(cut);
            out.append('…');
        }
        return out.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** A required single-line setting, rejected (not cleaned) when it holds control characters. */
    static String requiredLine(@Nullable String value, String field) {
        Objects.requireNonNull(value, field);
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must be one line without control characters");
        }
        return v;
    }

    /** An absolute http or https URL. */
    static String httpUrl(String value, String field) {
        String v = requiredLine(value, field);
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(field + " '" + v + "' must be an absolute http(s) URL, "
                        + "e.g. https://example.com/admin");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " '" + v + "' is not a valid URL: " + e.getReason(), e);
        }
        return v;
    }

    /**
     * One bare email address (no display name, no list, no control characters), checked strictly.
     *
     * @throws AddressException when it is not exactly one plain address
     */
    static InternetAddress address(String value) throws AddressException {
        String v = value.strip();
        if (v.isEmpty() || v.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new AddressException("an address must be one word without spaces or control characters", v);
        }
        InternetAddress parsed = new InternetAddress(v, true);
        parsed.validate();
        if (parsed.getPersonal() != null || !v.equals(parsed.getAddress()) || parsed.isGroup()) {
            throw new AddressException("expected a bare address like name@example.com", v);
        }
        return parsed;
    }
}
