package dev.parley.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.Sender;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.notification.NotificationRecorder;
import dev.parley.chat.presence.AgentAvailability;
import dev.parley.chat.presence.DefaultPresenceTracker;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The presence tracker only decides which waiting chats to tell; the chat rules post the message, once. */
class AgentAvailabilityTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private final InMemoryChatStore store = new InMemoryChatStore();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final AdminDirectory admins = AdminDirectory.of(List.of(
            new Admin("alice", "Alice", "alice@example.com", "agent", Set.of())));
    private final NotificationRecorder recorder = new NotificationRecorder(store.outbox(), admins, clock,
            Duration.ofMinutes(2));
    private final List<Long> told = new ArrayList<>();

    private DefaultPresenceTracker tracker(AgentAvailability rules) {
        return new DefaultPresenceTracker(store, admins, clock, Duration.ofMinutes(2), rules, new EventBus());
    }

    private Chat waitingChat(String name) {
        return store.chats().insert(Chat.builder().sessionId(name.repeat(32).substring(0, 32)).visitorName(name)
                .visitorEmail(name + "@example.org").visitorEmailReplies(true).department("general")
                .status(ChatStatus.WAITING)
                .offlineMessage(true).createdAt(T0.minusSeconds(60)).build());
    }

    private List<ChatMessage> systemMessages(long chatId) {
        return store.messages().list(chatId, null, null, 100).stream().filter(m -> m.sender() == Sender.SYSTEM)
                .toList();
    }

    @Test
    void theTrackerAsksTheChatRulesOncePerWaitingChatAndTheyPostTheMessage() {
        Chat a = waitingChat("a");
        Chat b = waitingChat("b");
        DefaultAgentAvailability rules = new DefaultAgentAvailability(store, recorder);
        DefaultPresenceTracker tracker = tracker((chatId, now) -> {
            told.add(chatId);
            return rules.agentAvailable(chatId, now);
        });

        tracker.heartbeat("alice", Heartbeat.onlineForAll());
        tracker.heartbeat("alice", Heartbeat.onlineForAll());

        assertThat(told).containsExactlyInAnyOrder(a.id(), b.id());
        for (Chat chat : List.of(a, b)) {
            assertThat(systemMessages(chat.id())).singleElement()
                    .satisfies(m -> assertThat(m.message()).isEqualTo(DefaultPresenceTracker.AGENT_AVAILABLE));
            Chat after = store.chats().find(chat.id()).orElseThrow();
            assertThat(after.updatedAt()).isEqualTo(T0);
            assertThat(after.status()).isEqualTo(ChatStatus.WAITING);
        }
        assertThat(store.outbox().list(OutboxStatus.PENDING, 10)).hasSize(2)
                .allSatisfy(i -> assertThat(i.kind()).isEqualTo("AGENT_AVAILABLE"));
    }

    @Test
    void theTrackerWritesNoChatAndNoMessageItself() {
        Chat waiting = waitingChat("a");
        DefaultPresenceTracker tracker = tracker((chatId, now) -> {
            told.add(chatId);
            return List.<ChatEvent>of();
        });

        tracker.heartbeat("alice", Heartbeat.onlineForAll());

        assertThat(told).containsExactly(waiting.id());
        assertThat(store.messages().count(waiting.id())).isZero();
        assertThat(store.chats().find(waiting.id())).contains(waiting);
        assertThat(store.outbox().list(OutboxStatus.PENDING, 10)).isEmpty();
    }
}
