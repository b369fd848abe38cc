package dev.parley.chat.internal;

import java.security.SecureRandom;
import java.util.Base64;

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
}
