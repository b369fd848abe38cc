package dev.parley.chat.assignment;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.store.AssignmentRecords.Agent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which admin gets the next chat: among those with room, by the department's mode. */
final class AgentChoice {

    private static final Comparator<Agent> LONGEST_AGO = Comparator
            .comparing(Agent::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Agent::adminId);

    private AgentChoice() {}

    /**
     * ROUND_ROBIN: the admin assigned longest ago (never first); LEAST_BUSY: the fewest open chats, then the one
     * assigned longest ago; ties by id. Empty when nobody has room or the mode is MANUAL.
     */
    static Optional<Agent> pick(AssignmentMode mode, List<Agent> agents, int defaultCapacity) {
        if (!mode.automatic()) {
            return Optional.empty();
        }
        Comparator<Agent> order = mode == AssignmentMode.LEAST_BUSY
                ? Comparator.comparingInt(Agent::openChats).thenComparing(LONGEST_AGO)
                : LONGEST_AGO;
        return agents.stream().filter(a -> a.openChats() < capacity(a, defaultCapacity)).min(order);
    }

    /** The admin's own capacity, else the default. */
    static int capacity(Agent agent, int defaultCapacity) {
        return agent.capacity() == null ? defaultCapacity : agent.capacity();
    }
}
