package dev.parley.chat.store;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;

/**
 * A message to add to a chat and the chat's state once it is added; see {@link ChatStore#appendMessage}.
 *
 * @param chat    the chat as it is to be stored (same id)
 * @param message the message (its id is ignored when appending; the stored one's is assigned)
 */
public record Append(Chat chat, ChatMessage message) {}
