package dev.parley.chat.spring.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Token buckets per key, in memory: each key may spend {@code capacity} requests at once, and regains them evenly
 * over {@code refillPeriod}. At most {@code maxKeys} keys are tracked. Only a bucket that has refilled is ever
 * forgotten (forgetting it changes nothing), so a flood of new keys cannot reset a key that is being limited: when
 * every tracked bucket is still refilling, a new key is refused until one has refilled.
 */
final class TokenBuckets {

    private final long capacity;
    private final int maxKeys;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    TokenBuckets(long capacity, Duration refillPeriod, int maxKeys, Clock clock) {
        if (capacity < 1 || maxKeys < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("capacity, maxKeys and refillPeriod must be positive");
        }
        this.capacity = capacity;
        this.maxKeys = maxKeys;
        this.tokensPerNano = capacity / (double) refillPeriod.toNanos();
        this.clock = clock;
    }

    /** Takes one token for the key: answers 0 when granted, otherwise the whole seconds until one is available. */
    long tryTake(String key) {
        return tryTake(key, 1);
    }

    /**
     * Takes {@code amount} tokens for the key at once: answers 0 when granted, otherwise the whole seconds until
     * they are available (an amount over the capacity is never granted).
     */
    synchronized long tryTake(String key, long amount) {
        long now = clock.millis() * 1_000_000L;
        Bucket b = buckets.get(key);
        if (b == null) {
            if (buckets.size() >= maxKeys) {
                double soonest = forgetRefilled(now);
                if (buckets.size() >= maxKeys) {
                    return seconds(soonest);
                }
            }
            b = new Bucket(capacity, now);
            buckets.put(key, b);
        }
        b.tokens = tokens(b, now);
        b.updatedNanos = now;
        if (b.tokens >= amount) {
            b.tokens -= amount;
            return 0;
        }
        return seconds((Math.min(amount, capacity) - b.tokens) / tokensPerNano);
    }

    /** Whether the key has a bucket now (it took a token and has not refilled since). */
    synchronized boolean tracks(String key) {
        return buckets.containsKey(key);
    }

    /** How many keys are tracked now. */
    synchronized int trackedKeys() {
        return buckets.size();
    }

    /** Forgets every bucket that has refilled; answers the nanoseconds until the next one will have. */
    private double forgetRefilled(long now) {
        double soonest = Double.MAX_VALUE;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            double missing = capacity - tokens(it.next(), now);
            if (missing <= 0) {
                it.remove();
            } else {
                soonest = Math.min(soonest, missing / tokensPerNano);
            }
        }
        return soonest;
    }

    private double tokens(Bucket b, long now) {
        return Math.min(capacity, b.tokens + (now - b.updatedNanos) * tokensPerNano);
    }

    private static long seconds(double nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d));
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
