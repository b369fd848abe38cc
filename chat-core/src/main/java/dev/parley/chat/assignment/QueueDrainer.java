package dev.parley.chat.assignment;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.AssignmentRecords;
import dev.parley.chat.store.AssignmentRecords.Agent;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes chats from a department's queue, one transaction per chat: the queue's lock, the choice of the admin under
 * their rows' locks (so their open chats are counted while nobody else can add to them) and the assignment commit
 * together, so two nodes never assign one chat twice or give an admin more than their capacity.
 */
final class QueueDrainer {

    /** A drain stops after this many chats; the next trigger or sweep goes on. */
    static final int MAX_PER_DRAIN = 10_000;

    private static final Logger log = LoggerFactory.getLogger(QueueDrainer.class);

    private enum Step { ASSIGNED, AGAIN, DONE }

    private final ChatStore store;
    private final PresenceTracker presence;
    private final EventBus events;
    private final Clock clock;
    private final int defaultCapacity;

    QueueDrainer(ChatStore store, PresenceTracker presence, EventBus events, Clock clock, int defaultCapacity) {
        this.store = store;
        this.presence = presence;
        this.events = events;
        this.clock = clock;
        this.defaultCapacity = defaultCapacity;
    }

    /** Assigns the department's queue while it has chats and its admins have room; answers how many. */
    int drain(String department) {
        if (!store.assignment().mode(department).automatic()) {
            return 0; // a plain read: a manual department's queue is never locked
        }
        int assigned = 0;
        for (int i = 0; i < MAX_PER_DRAIN; i++) {
            Step step = assignNext(department);
            if (step == Step.DONE) {
                break;
            }
            if (step == Step.ASSIGNED) {
                assigned++;
            }
        }
        return assigned;
    }

    private Step assignNext(String department) {
        AssignmentRecords records = store.assignment();
        return events.inTransaction(store, collected -> {
            AssignmentMode mode = records.lockQueue(department);
            if (!mode.automatic()) {
                return Step.DONE;
            }
            List<Chat> head = records.queue(department, 1);
            if (head.isEmpty()) {
                return Step.DONE;
            }
            List<String> online = presence.online(department).stream().map(o -> o.admin().id()).toList();
            if (online.isEmpty()) {
                return Step.DONE;
            }
            Optional<Agent> choice = AgentChoice.pick(mode, records.lockAgents(online), defaultCapacity);
            if (choice.isEmpty()) {
                return Step.DONE;
            }
            Chat chat = store.chats().lock(head.get(0).id()).orElse(null);
            if (chat == null || chat.assignedTo() != null || !chat.status().isOpen()
                    || !chat.department().equals(department)) {
                return Step.AGAIN; // changed since the queue was read: read it again
            }
            Instant now = clock.instant();
            String adminId = choice.get().adminId();
            Chat assigned = chat.edit().assignedTo(adminId).updatedAt(now).build();
            store.chats().update(assigned);
            records.assigned(adminId, now);
            collected.add(new ChatEvent.ChatUpdated(assigned, chat.status()));
            log.info("Chat {} of '{}' assigned to {} ({})", chat.id(), department, adminId, mode.slug());
            return Step.ASSIGNED;
        });
    }
}
