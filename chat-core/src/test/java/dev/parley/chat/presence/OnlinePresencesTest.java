package dev.parley.chat.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AdminPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The copy of the online presences behind {@code anyOnline}: read at most once per TTL, never kept stale. */
class OnlinePresencesTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(1);

    private final List<AdminPresence> inStore = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();

    private List<AdminPresence> read(Instant now) {
        reads.incrementAndGet();
        return List.copyOf(inStore);
    }

    @Test
    void answersFromItsCopyWithinTheTtlAndReadsAgainAfter() {
        OnlinePresences cache = new OnlinePresences(TTL, this::read);
        assertThat(cache.at(T0)).isEmpty();
        inStore.add(new AdminPresence("alice", true, T0, null, null));

        assertThat(cache.at(T0.plusMillis(999))).isEmpty();
        assertThat(reads).hasValue(1);
        assertThat(cache.at(T0.plus(TTL))).extracting(AdminPresence::userId).containsExactly("alice");
        assertThat(reads).hasValue(2);
    }

    @Test
    void invalidatingForgetsTheCopy() {
        OnlinePresences cache = new OnlinePresences(TTL, this::read);
        cache.at(T0);
        inStore.add(new AdminPresence("alice", true, T0, null, null));
        cache.invalidate();

        assertThat(cache.at(T0)).hasSize(1);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aClockThatWentBackReadsAgain() {
        OnlinePresences cache = new OnlinePresences(TTL, this::read);
        cache.at(T0);
        cache.at(T0.minusMillis(1));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadOvertakenByAnInvalidationIsAnsweredButNotKept() {
        OnlinePresences[] holder = new OnlinePresences[1];
        AtomicInteger calls = new AtomicInteger();
        holder[0] = new OnlinePresences(TTL, now -> {
            if (calls.incrementAndGet() == 1) {
                // a heartbeat commits on another thread while this read is on its way
                holder[0].invalidate();
                return List.of();
            }
            return List.of(new AdminPresence("alice", true, T0, null, null));
        });

        assertThat(holder[0].at(T0)).isEmpty();
        assertThat(holder[0].at(T0)).as("read again, not the overtaken copy").hasSize(1);
        assertThat(calls).hasValue(2);
    }
}
