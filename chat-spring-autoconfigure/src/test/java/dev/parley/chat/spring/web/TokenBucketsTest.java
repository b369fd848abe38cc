package dev.parley.chat.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final TokenBuckets buckets = new TokenBuckets(2, Duration.ofMinutes(1), 2, clock);

    @Test
    void aKeySpendsItsCapacityThenWaitsForTheRefill() {
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isEqualTo(30);

        clock.advance(Duration.ofSeconds(30));

        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isPositive();
    }

    @Test
    void keysAreCountedApart() {
        buckets.tryTake("a");
        buckets.tryTake("a");

        assertThat(buckets.tryTake("b")).isZero();
    }

    @Test
    void theLeastRecentlyUsedKeysAreForgottenBeyondTheLimit() {
        buckets.tryTake("a");
        buckets.tryTake("a");
        buckets.tryTake("b");
        buckets.tryTake("c");

        assertThat(buckets.tryTake("a")).isZero();
    }
}
