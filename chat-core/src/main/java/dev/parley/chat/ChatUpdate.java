package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * An admin's change to a chat; null fields are left as they are.
 *
 * @param chatId     the chat
 * @param status     the new status
 * @param department the new department's slug (must be active)
 * @param assignedTo the new assignee's admin id (must exist)
 * @param unassign   true to remove the assignee
 */
public record ChatUpdate(
        long chatId,
        @Nullable ChatStatus status,
        @Nullable String department,
        @Nullable String assignedTo,
        boolean unassign) {

    /** A status change only. */
    public static ChatUpdate status(long chatId, ChatStatus status) {
        return new ChatUpdate(chatId, status, null, null, false);
    }

    /** An assignment only. */
    public static ChatUpdate assign(long chatId, String adminId) {
        return new ChatUpdate(chatId, null, null, adminId, false);
    }
}
