package dev.parley.chat.file;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * File names: the client's name made safe to keep as metadata, and the generated name of the stored object.
 * The client's name never becomes a path.
 */
final class FileNames {

    /** The longest kept name, in code points, extension included. */
    static final int MAX_LENGTH = 150;

    private static final String FALLBACK_STEM = "upload";
    private static final Pattern UNSAFE = Pattern.compile("[<>:\"|?*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final Set<Integer> INVISIBLE = Set.of((int) Character.FORMAT, (int) Character.CONTROL,
            (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR, (int) Character.PRIVATE_USE,
            (int) Character.SURROGATE, (int) Character.UNASSIGNED);

    private final SecureRandom random;

    FileNames(SecureRandom random) {
        this.random = random;
    }

    /** A new object name: 128 random bits in hex, with the type's extension. */
    String generate(FileType type) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + "." + type.extension();
    }

    /**
     * The client's name made safe, before the content is known: Unicode NFC, only the last path segment, no control,
     * format or bidi characters, no {@code < > : " | ? *}, no leading dots, no Windows device names. Empty when nothing
     * is left. A NUL character is refused as a VALIDATION error: it is a truncation attack, not a typo.
     */
    static String sanitize(@Nullable String name) {
        if (name == null) {
            return "";
        }
        if (name.indexOf('\0') >= 0) {
            throw new ParleyException(ErrorCode.VALIDATION, "the file name must not contain NUL characters");
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder visible = new StringBuilder(n.length());
        n.codePoints().filter(c -> !INVISIBLE.contains(Character.getType(c))).forEach(visible::appendCodePoint);
        n = UNSAFE.matcher(visible).replaceAll("_");
        n = SPACES.matcher(n).replaceAll(" ").strip();
        n = n.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (RESERVED.matcher(n).matches()) {
            n = "_" + n;
        }
        return n;
    }

    /**
     * The sanitised name checked against the content's type: its extension must be one of the type's (a name without
     * extension gets the type's); the result is at most {@link #MAX_LENGTH} code points and keeps its extension.
     */
    static String agreeing(String sanitized, FileType type) {
        int dot = sanitized.lastIndexOf('.');
        String stem = dot < 0 ? sanitized : sanitized.substring(0, dot);
        String extension = dot < 0 ? "" : sanitized.substring(dot + 1);
        if (extension.isEmpty()) {
            extension = type.extension();
        } else if (!type.extensions().contains(extension.toLowerCase(Locale.ROOT))) {
            throw new ParleyException(ErrorCode.UNSUPPORTED_TYPE, "the file's content is " + type
                    + " but its name ends in '." + shorten(extension, 20) + "'; name it ." + type.extension());
        }
        stem = shorten(stem.strip(), MAX_LENGTH - 1 - extension.length()).strip();
        return (stem.isEmpty() ? FALLBACK_STEM : stem) + "." + extension;
    }

    private static String shorten(String s, int maxCodePoints) {
        if (s.codePointCount(0, s.length()) <= maxCodePoints) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, maxCodePoints)));
    }
}
