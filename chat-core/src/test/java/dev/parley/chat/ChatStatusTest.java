package dev.parley.chat;

import static dev.parley.chat.ChatStatus.ACTIVE;
import static dev.parley.chat.ChatStatus.CLOSED;
import static dev.parley.chat.ChatStatus.RESOLVED;
import static dev.parley.chat.ChatStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lifecycle table of SPEC.md: open, resolved (reopenable) and closed (final). */
class ChatStatusTest {

    @Test
    void openAndResolvedPartitionTheStatuses() {
        assertThat(ACTIVE.isOpen()).isTrue();
        assertThat(WAITING.isOpen()).isTrue();
        assertThat(RESOLVED.isResolved()).isTrue();
        assertThat(CLOSED.isResolved()).isTrue();
        for (ChatStatus s : ChatStatus.values()) {
            assertThat(s.isOpen()).as(s.name()).isNotEqualTo(s.isResolved());
        }
    }

    @Test
    void theTransitionsAreExactlyTheLifecycle() {
        assertThat(ACTIVE.successors()).containsExactlyInAnyOrder(WAITING, RESOLVED, CLOSED);
        assertThat(WAITING.successors()).containsExactlyInAnyOrder(ACTIVE, RESOLVED, CLOSED);
        assertThat(RESOLVED.successors()).as("a visitor writing while nobody is online reopens it as WAITING")
                .containsExactlyInAnyOrder(ACTIVE, WAITING, CLOSED);
        assertThat(CLOSED.successors()).isEmpty();
        assertThat(RESOLVED.canMoveTo(WAITING)).isTrue();
        assertThat(RESOLVED.successors(ChatStatus.Cause.ADMIN_SETS)).as("an admin reopens a chat as ACTIVE")
                .containsExactlyInAnyOrder(ACTIVE, CLOSED);
        assertThat(CLOSED.canMoveTo(ACTIVE)).isFalse();
        for (ChatStatus s : ChatStatus.values()) {
            assertThat(s.canMoveTo(s)).as("staying %s", s).isTrue();
        }
    }
}
