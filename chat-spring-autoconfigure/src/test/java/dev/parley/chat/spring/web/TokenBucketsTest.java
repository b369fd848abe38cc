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
    void aFloodOfNewKeysNeverResetsAKeyThatIsLimited() {
        TokenBuckets limited = new TokenBuckets(2, Duration.ofMinutes(1), 100, clock);
        limited.tryTake("visitor");
        limited.tryTake("visitor");

        for (int i = 0; i < 10_000; i++) {
            limited.tryTake("junk-" + i);
        }

        assertThat(limited.tryTake("visitor")).isPositive();
        assertThat(limited.trackedKeys()).isEqualTo(100);
    }

    @Test
    void aNewKeyOverTheBoundIsRefusedUntilABucketHasRefilled() {
        buckets.tryTake("a");
        buckets.tryTake("b");

        assertThat(buckets.tryTake("c")).isEqualTo(30);

        clock.advance(Duration.ofSeconds(30));

        assertThat(buckets.tryTake("c")).isZero();
        assertThat(buckets.trackedKeys()).isEqualTo(1); // a and b had refilled and were forgotten
    }
}
