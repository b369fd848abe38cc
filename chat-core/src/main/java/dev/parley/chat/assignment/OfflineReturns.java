package dev.parley.chat.assignment;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the unanswered chats of admins who left back into their queues. An admin is offline from the moment they
 * said so, or from when their last heartbeat timed out; once that is longer ago than the grace, each open chat of an
 * automatic department assigned to them that no admin has answered yet loses its assignee. An admin with no
 * presence at all was never online here and keeps the chats given to them by hand.
 */
final class OfflineReturns {

    /** How many unanswered assigned chats one sweep looks at. */
    static final int BATCH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OfflineReturns.class);

    private final ChatStore store;
    private final PresenceTracker presence;
    private final EventBus events;
    private final Clock clock;
    private final Duration grace;

    OfflineReturns(ChatStore store, PresenceTracker presence, EventBus events, Clock clock, Duration grace) {
        this.store = store;
        this.presence = presence;
        this.events = events;
        this.clock = clock;
        this.grace = grace;
    }

    /** Returns the chats; answers how many. */
    int run() {
        Instant now = clock.instant();
        Map<String, AssignmentMode> modes = new HashMap<>();
        Map<String, Boolean> gone = new HashMap<>();
        int returned = 0;
        for (Chat chat : store.assignment().assignedUnanswered(BATCH)) {
            String adminId = chat.assignedTo();
            if (adminId == null || !modes.computeIfAbsent(chat.department(), store.assignment()::mode).automatic()
                    || !gone.computeIfAbsent(adminId, id -> offlinePastGrace(id, now))) {
                continue;
            }
            if (unassign(chat.id(), adminId)) {
                returned++;
            }
        }
        return returned;
    }

    private boolean offlinePastGrace(String adminId, Instant now) {
        Optional<AdminPresence> p = store.presence().find(adminId);
        Instant since = p.map(found -> offlineSince(found, now)).orElse(null);
        return since != null && !now.isBefore(since.plus(grace));
    }

    /** When the admin went offline; null while they are online. */
    private @Nullable Instant offlineSince(AdminPresence p, Instant now) {
        Duration timeout = presence.heartbeatTimeout();
        if (p.isOnlineAt(now, timeout)) {
            return null;
        }
        return p.online() ? p.lastSeenAt().plus(timeout) : p.lastSeenAt();
    }

    private boolean unassign(long chatId, String adminId) {
        return events.inTransaction(store, collected -> {
            Chat chat = store.chats().lock(chatId).orElse(null);
            if (chat == null || !adminId.equals(chat.assignedTo()) || !chat.status().isOpen()
                    || chat.firstResponseAt() != null) {
                return false;
            }
            Chat back = chat.edit().assignedTo(null).updatedAt(clock.instant()).build();
            store.chats().update(back);
            collected.add(new ChatEvent.ChatUpdated(back, chat.status()));
            log.info("Chat {} of '{}' is back in the queue: {} has been offline longer than {}", chatId,
                    chat.department(), adminId, grace);
            return true;
        });
    }
}
