package dev.parley.chat.store;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Sender;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Stored messages. Ids increase with insertion order. */
public interface MessageRecords {

    /** Stores a new message (its id is ignored) and answers it with the assigned id. */
    ChatMessage insert(ChatMessage message);

    /**
     * A chat's messages, oldest first (by id), at most {@code limit}.
     *
     * @param afterId   only messages with a greater id, when not null
     * @param afterTime only messages created strictly after this time, when not null
     */
    List<ChatMessage> list(long chatId, @Nullable Long afterId, @Nullable Instant afterTime, int limit);

    /** How many messages the chat has. */
    long count(long chatId);

    /** Sets {@code readAt} on the chat's unread messages from this sender; answers how many. */
    int markRead(long chatId, Sender from, Instant at);
}
