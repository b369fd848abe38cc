package dev.parley.chat;

import java.util.List;

/**
 * What a visitor reads: the chat's messages (oldest first) and its current state.
 *
 * @param chat     the chat
 * @param messages the messages asked for, oldest first
 */
public record Transcript(Chat chat, List<ChatMessage> messages) {

    /** Copies the list. */
    public Transcript {
        messages = List.copyOf(messages);
    }

    /** The chat's status. */
    public ChatStatus status() {
        return chat.status();
    }
}
