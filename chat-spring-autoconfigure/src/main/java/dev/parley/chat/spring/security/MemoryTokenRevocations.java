package dev.parley.chat.spring.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenRevocations} of one node, in memory: for the in-memory store and tests. */
public final class MemoryTokenRevocations implements TokenRevocations {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Revocations whose expired entries are dropped by this clock. */
    public MemoryTokenRevocations(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean revoke(String tokenId, Instant expiresAt) {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> until.isBefore(now));
        return revoked.putIfAbsent(tokenId, expiresAt) == null;
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return revoked.containsKey(tokenId);
    }
}
