package dev.parley.chat.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.store.AssignmentRecords.Agent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who gets the next chat, by mode, among admins with room. */
class AgentChoiceTest {

    private static final Instant T = Instant.parse("2026-03-10T10:00:00Z");

    private static Optional<String> pick(AssignmentMode mode, Agent... agents) {
        return AgentChoice.pick(mode, List.of(agents), 3).map(Agent::adminId);
    }

    @Test
    void roundRobinTakesWhoWasAssignedLongestAgoAndNeverFirst() {
        Agent recent = new Agent("a", 0, null, T.plusSeconds(9));
        Agent older = new Agent("b", 2, null, T.plusSeconds(1));
        Agent never = new Agent("c", 2, null, null);
        assertThat(pick(AssignmentMode.ROUND_ROBIN, recent, older)).hasValue("b");
        assertThat(pick(AssignmentMode.ROUND_ROBIN, recent, older, never)).hasValue("c");
    }

    @Test
    void leastBusyTakesTheFewestOpenChatsThenWhoWaitedLongest() {
        Agent busy = new Agent("a", 2, null, null);
        Agent idleRecent = new Agent("b", 1, null, T.plusSeconds(5));
        Agent idleOlder = new Agent("c", 1, null, T);
        assertThat(pick(AssignmentMode.LEAST_BUSY, busy, idleRecent, idleOlder)).hasValue("c");
    }

    @Test
    void nobodyAtCapacityIsChosenAndTiesGoById() {
        Agent full = new Agent("a", 3, null, null);
        Agent ownLimit = new Agent("b", 1, 1, null);
        Agent roomy = new Agent("c", 4, 10, T);
        assertThat(pick(AssignmentMode.ROUND_ROBIN, full, ownLimit)).isEmpty();
        assertThat(pick(AssignmentMode.LEAST_BUSY, full, ownLimit, roomy)).hasValue("c");
        assertThat(pick(AssignmentMode.ROUND_ROBIN, new Agent("z", 0, null, null), new Agent("y", 0, null, null)))
                .hasValue("y");
        assertThat(pick(AssignmentMode.MANUAL, new Agent("x", 0, null, null))).isEmpty();
        assertThat(pick(AssignmentMode.LEAST_BUSY, new Agent("p", 0, 0, null))).as("capacity 0 pauses").isEmpty();
    }
}
