package dev.parley.chat.spring.web;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;

/** A request over a rate limit (429), with the seconds after which trying again makes sense. */
public final class RateLimitedException extends ParleyException {

    private final long retryAfterSeconds;

    /** Creates the exception. */
    public RateLimitedException(String message, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds until a new request may succeed (the {@code Retry-After} header). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
