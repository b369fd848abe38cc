package dev.parley.chat.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A visitor started a chat: sent to every admin with an email and to the department's address.
 *
 * @param recipients     email addresses
 * @param chatId         the chat
 * @param visitorName    as the visitor typed it (escape before showing)
 * @param visitorEmail   as the visitor typed it
 * @param visitorPhone   as the visitor typed it
 * @param department     the department's slug
 * @param departmentName the department's name
 * @param firstMessage   the visitor's first message
 * @param createdAt      when the chat started
 */
public record NewChatNotification(
        List<String> recipients,
        long chatId,
        String visitorName,
        @Nullable String visitorEmail,
        @Nullable String visitorPhone,
        String department,
        String departmentName,
        String firstMessage,
        Instant createdAt) implements Notification {

    /** Copies the list. */
    public NewChatNotification {
        recipients = List.copyOf(recipients);
    }
}
