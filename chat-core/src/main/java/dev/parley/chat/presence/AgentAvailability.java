package dev.parley.chat.presence;

import dev.parley.chat.event.ChatEvent;
import java.time.Instant;
import java.util.List;

/**
 * What the chat rules do for a WAITING chat when an admin serving it comes online and nobody served it before. The
 * tracker decides which chats; the conversation rules implement this and write the chat and its messages.
 */
public interface AgentAvailability {

    /**
     * Tells the chat that an agent is now available, inside the caller's store transaction.
     *
     * @return the events to publish once that transaction commits
     */
    List<ChatEvent> agentAvailable(long chatId, Instant now);
}
