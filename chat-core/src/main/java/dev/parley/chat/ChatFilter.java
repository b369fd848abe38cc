package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * Filters for listing chats; null fields match everything.
 *
 * @param status     only chats in this status
 * @param department only chats of this department slug
 * @param assignedTo only chats assigned to this admin id
 * @param rating     only chats with this rating
 * @param text       case-insensitive text found in the visitor's name, email or any message
 */
public record ChatFilter(
        @Nullable ChatStatus status,
        @Nullable String department,
        @Nullable String assignedTo,
        @Nullable Integer rating,
        @Nullable String text) {

    /** Matches every chat. */
    public static final ChatFilter ALL = new ChatFilter(null, null, null, null, null);
}
