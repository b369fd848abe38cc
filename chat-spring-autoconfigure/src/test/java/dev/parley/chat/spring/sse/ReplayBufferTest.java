package dev.parley.chat.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private final ReplayBuffer buffer = new ReplayBuffer(3);

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            buffer.append(new StreamEvent(0, 1, new StreamEvent.Frame("message", "x"), null));
        }
    }

    @Test
    void eventsAreNumberedAndWhatFollowedASequenceNumberIsReplayed() {
        append(3);

        assertThat(buffer.last()).isEqualTo(3);
        assertThat(buffer.after(1).orElseThrow()).extracting(StreamEvent::seq).containsExactly(2L, 3L);
        assertThat(buffer.after(3).orElseThrow()).isEmpty();
    }

    @Test
    void whatIsNoLongerKeptCannotBeReplayed() {
        append(5);

        assertThat(buffer.after(2).orElseThrow()).extracting(StreamEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(buffer.after(1)).isEmpty();
    }

    @Test
    void unknownSequenceNumbersCannotBeReplayed() {
        append(2);

        assertThat(buffer.after(7)).isEmpty();
        assertThat(buffer.after(-1)).isEmpty();
    }
}
