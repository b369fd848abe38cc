package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * A chat in a listing, with its latest message.
 *
 * @param chat        the chat
 * @param lastMessage its latest message, if any
 */
public record ChatSummary(Chat chat, @Nullable ChatMessage lastMessage) {}
