package dev.parley.chat.spring.web;

import java.time.Clock;

/**
 * The rate limits of the public endpoints: chat starts per client address (IPv6 by /64), and messages (and uploads)
 * per session. Counted in memory per application node. Callers count only real callers: a session id is checked
 * (shape and existence) before a token is taken for it, so made-up ids never occupy a bucket.
 */
public final class ParleyRateLimits {

    private final boolean enabled;
    private final TokenBuckets chatStarts;
    private final TokenBuckets messages;
    private final TokenBuckets uploadBytes;

    /** Creates the limits from the properties. */
    public ParleyRateLimits(ParleyWebProperties.RateLimit properties, Clock clock) {
        this.enabled = properties.enabled();
        this.chatStarts = new TokenBuckets(properties.chatStarts().capacity(), properties.chatStarts().refillPeriod(),
                properties.maxTrackedKeys(), clock);
        this.messages = new TokenBuckets(properties.messages().capacity(), properties.messages().refillPeriod(),
                properties.maxTrackedKeys(), clock);
        this.uploadBytes = new TokenBuckets(properties.uploadBytes().capacity().toBytes(),
                properties.uploadBytes().refillPeriod(), properties.maxTrackedKeys(), clock);
    }

    /**
     * Counts the bytes of an upload from the client address (IPv6 by /64); throws a {@link RateLimitedException}
     * over the address's upload quota.
     */
    public void uploadBytes(String clientAddress, long bytes) {
        if (!enabled) {
            return;
        }
        long wait = uploadBytes.tryTake(ClientAddresses.key(clientAddress), Math.max(1, bytes));
        if (wait > 0) {
            throw new RateLimitedException("your address has uploaded too much recently; try again in " + wait
                    + " seconds", wait);
        }
    }

    /**
     * Counts a chat start from the client address (IPv6 counted by its /64); throws a {@link RateLimitedException}
     * over the limit.
     */
    public void chatStart(String clientAddress) {
        if (!enabled) {
            return;
        }
        long wait = chatStarts.tryTake(ClientAddresses.key(clientAddress));
        if (wait > 0) {
            throw new RateLimitedException("too many chats started from your address; try again in " + wait
                    + " seconds", wait);
        }
    }

    /**
     * Counts a message or upload of an existing session (check it first); throws a {@link RateLimitedException}
     * over the limit.
     */
    public void message(String sessionId) {
        message(sessionId, () -> { });
    }

    /**
     * Counts a message of a session whose existence {@code proveExists} checks (throwing when it does not exist).
     * The check runs only when the session has no bucket: a bucket is made only for a session that passed it, so
     * made-up ids never occupy one, and a busy session is not read again for every message. With the limits off
     * nothing is checked here (the core refuses an unknown session anyway).
     */
    public void message(String sessionId, Runnable proveExists) {
        if (!enabled) {
            return;
        }
        String key = sessionId.strip();
        if (!messages.tracks(key)) {
            proveExists.run();
        }
        long wait = messages.tryTake(key);
        if (wait > 0) {
            throw new RateLimitedException("too many messages in a short time; try again in " + wait + " seconds",
                    wait);
        }
    }
}
