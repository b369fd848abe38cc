package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * An internal note an admin adds to a chat: only admins see it.
 *
 * @param chatId  the chat
 * @param adminId the admin writing (must exist in the host's directory)
 * @param message the text, required
 */
public record ChatNote(long chatId, @Nullable String adminId, @Nullable String message) {}
