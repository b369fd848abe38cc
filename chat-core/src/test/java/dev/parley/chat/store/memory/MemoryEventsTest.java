package dev.parley.chat.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.chat.store.EventRecords;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryEventsTest {

    private final InMemoryChatStore store = new InMemoryChatStore();

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            store.events().append(List.of(new EventRecords.Draft(1, Instant.EPOCH, "{}")));
        }
    }

    @Test
    void aLogNobodyTrimsKeepsTheNewestEventsUpToItsBound() {
        append(MemoryEvents.MAX_KEPT + 5);

        assertThat(store.events().oldest()).isEqualTo(6);
        assertThat(store.events().head()).isEqualTo(MemoryEvents.MAX_KEPT + 5);
        assertThat(store.events().after(0, 1)).extracting(EventRecords.Logged::id).containsExactly(6L);
    }

    @Test
    void aRolledBackAppendGivesItsIdBackAndRestoresWhatTheBoundDropped() {
        append(MemoryEvents.MAX_KEPT);
        Throwable failed = catchThrowable(() -> store.transactions().run(() -> {
            append(2);
            throw new IllegalStateException("rolled back");
        }));

        assertThat(failed).hasMessage("rolled back");
        assertThat(store.events().oldest()).isEqualTo(1);
        assertThat(store.events().head()).isEqualTo(MemoryEvents.MAX_KEPT);
        append(1);
        assertThat(store.events().head()).isEqualTo(MemoryEvents.MAX_KEPT + 1);
    }
}
