package dev.parley.chat.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private final ReplayBuffer buffer = new ReplayBuffer(3);

    private void append(long... ids) {
        for (long id : ids) {
            buffer.append(new StreamEvent(id, 1, new StreamEvent.Frame("message", "x"), null));
        }
    }

    @Test
    void whatFollowedALogIdIsReplayedWhileKept() {
        buffer.startAt(10);
        append(12, 15, 40);

        assertThat(buffer.last()).isEqualTo(40);
        assertThat(buffer.after(12).orElseThrow()).extracting(StreamEvent::seq).containsExactly(15L, 40L);
        assertThat(buffer.after(13).orElseThrow()).extracting(StreamEvent::seq).containsExactly(15L, 40L);
        assertThat(buffer.after(10).orElseThrow()).extracting(StreamEvent::seq).containsExactly(12L, 15L, 40L);
        assertThat(buffer.after(40).orElseThrow()).isEmpty();
    }

    @Test
    void whatIsNoLongerKeptCannotBeReplayed() {
        buffer.startAt(0);
        append(1, 2, 3, 4, 5);

        assertThat(buffer.after(2).orElseThrow()).extracting(StreamEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(buffer.covers(1)).isFalse();
        assertThat(buffer.after(1)).isEmpty();
    }

    @Test
    void beforeTheStartNothingIsKnownAndAnIdAheadOfTheBufferHasNothingToReplay() {
        assertThat(buffer.after(0)).isEmpty();
        assertThat(buffer.covers(Long.MAX_VALUE - 1)).isFalse();
        buffer.startAt(100);
        append(101);

        assertThat(buffer.after(99)).isEmpty();
        assertThat(buffer.after(150).orElseThrow()).isEmpty();
        assertThat(catchThrowable(() -> append(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
