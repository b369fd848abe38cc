package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * An admin hands a chat to another admin, another department, or both, optionally with an internal note.
 *
 * @param chatId       the chat
 * @param adminId      the admin transferring it (must exist in the host's directory)
 * @param toAdmin      the admin who takes the chat; null to leave the assignee to the department rule
 * @param toDepartment the slug of the department that takes the chat; null to keep the department
 * @param note         an internal note for the admins, null for none
 */
public record ChatTransfer(long chatId, @Nullable String adminId, @Nullable String toAdmin,
        @Nullable String toDepartment, @Nullable String note) {}
