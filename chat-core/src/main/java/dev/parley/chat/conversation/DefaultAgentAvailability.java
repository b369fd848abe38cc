package dev.parley.chat.conversation;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.MessageType;
import dev.parley.chat.Sender;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.notification.NotificationRecorder;
import dev.parley.chat.presence.AgentAvailability;
import dev.parley.chat.presence.DefaultPresenceTracker;
import dev.parley.chat.store.ChatStore;
import java.time.Instant;
import java.util.List;

/**
 * Posts the SYSTEM message {@link DefaultPresenceTracker#AGENT_AVAILABLE} to a waiting chat, touches the chat, and
 * records the email to its visitor (sent when they left an address).
 */
public final class DefaultAgentAvailability implements AgentAvailability {

    private final ChatStore store;
    private final NotificationRecorder notifications;

    /** Creates the rule; {@code dev.parley.Parley} hands it to the presence tracker. */
    public DefaultAgentAvailability(ChatStore store, NotificationRecorder notifications) {
        this.store = store;
        this.notifications = notifications;
    }

    @Override
    public List<ChatEvent> agentAvailable(long chatId, Instant now) {
        Chat chat = store.chats().lock(chatId).orElse(null);
        if (chat == null) {
            return List.of();
        }
        ChatMessage message = store.messages().insert(new ChatMessage(0, chat.id(), Sender.SYSTEM, null,
                DefaultPresenceTracker.AGENT_AVAILABLE, MessageType.TEXT, null, null, null, now, null));
        Chat updated = chat.edit().updatedAt(now).build();
        store.chats().update(updated);
        notifications.agentAvailable(updated);
        return List.of(new ChatEvent.MessagePosted(updated, message));
    }
}
