package dev.parley.chat.assignment;

import dev.parley.chat.Chat;

/**
 * A chat waiting for an agent.
 *
 * @param chat     the chat
 * @param position its place in its department's queue, 1 for the next one to be assigned
 */
public record QueuedChat(Chat chat, int position) {}
