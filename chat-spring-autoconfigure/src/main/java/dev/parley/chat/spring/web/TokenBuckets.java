package dev.parley.chat.spring.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per key, in memory: each key may spend {@code capacity} requests at once, and regains them evenly
 * over {@code refillPeriod}. At most {@code maxKeys} keys are tracked; the least recently used are forgotten.
 */
final class TokenBuckets {

    private final int capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    TokenBuckets(int capacity, Duration refillPeriod, int maxKeys, Clock clock) {
        if (capacity < 1 || maxKeys < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("capacity, maxKeys and refillPeriod must be positive");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) refillPeriod.toNanos();
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token for the key: answers 0 when granted, otherwise the whole seconds until one is available. */
    synchronized long tryTake(String key) {
        long now = clock.millis() * 1_000_000L;
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        b.tokens = Math.min(capacity, b.tokens + (now - b.updatedNanos) * tokensPerNano);
        b.updatedNanos = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        double missingNanos = (1 - b.tokens) / tokensPerNano;
        return Math.max(1, (long) Math.ceil(missingNanos / 1_000_000_000d));
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }
}
