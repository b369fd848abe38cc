package dev.parley.chat;

import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Session ids: 192 random bits from a {@link SecureRandom}, base64url without padding (32 characters). */
public final class SessionIds {

    /** Length of every session id. */
    public static final int LENGTH = 32;

    private final SecureRandom random;

    /** Uses a new {@link SecureRandom}. */
    public SessionIds() {
        this(new SecureRandom());
    }

    /** Uses the given source of randomness. */
    public SessionIds(SecureRandom random) {
        this.random = random;
    }

    /** A new, unguessable, URL-safe session id. */
    public String next() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a session id (a cheap check before any lookup). */
    public static boolean looksValid(String sessionId) {
        return sessionId.length() == LENGTH && sessionId.chars().allMatch(
                c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    /**
     * The trimmed session id a visitor sent: blank is a VALIDATION error; one that cannot be a session id is answered
     * like an unknown one (NOT_FOUND), without a lookup.
     */
    public static String require(@Nullable String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw ParleyException.invalid("sessionId is required");
        }
        if (!looksValid(sessionId.strip())) {
            throw unknown();
        }
        return sessionId.strip();
    }

    /** The error for a session id that matches no chat. */
    public static ParleyException unknown() {
        return ParleyException.notFound("no chat has this session id; start a new chat");
    }
}
