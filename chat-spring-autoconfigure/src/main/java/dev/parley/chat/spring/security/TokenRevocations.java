package dev.parley.chat.spring.security;

import java.time.Instant;

/**
 * Admin token ids ({@code jti}) that may no longer be used: tokens signed out before they expire, and stream tickets
 * once used. An id is kept until the token would have expired anyway. With the JPA store the ids are in the
 * database ({@link JdbcTokenRevocations}), so every node refuses them; otherwise in memory.
 */
public interface TokenRevocations {

    /**
     * Revokes the id until {@code expiresAt}.
     *
     * @return true when this call revoked it, false when it was revoked already (a ticket used twice)
     */
    boolean revoke(String tokenId, Instant expiresAt);

    /** Whether the id is revoked. */
    boolean isRevoked(String tokenId);
}
