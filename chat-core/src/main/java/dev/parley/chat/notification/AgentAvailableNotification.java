package dev.parley.chat.notification;

import java.util.List;

/**
 * An agent came online for a visitor who was waiting: sent to the visitor's email, if they left one.
 *
 * @param recipients  the visitor's email
 * @param chatId      the chat
 * @param visitorName as the visitor typed it
 * @param department  the department's slug
 */
public record AgentAvailableNotification(List<String> recipients, long chatId, String visitorName, String department)
        implements Notification {

    /** Copies the list. */
    public AgentAvailableNotification {
        recipients = List.copyOf(recipients);
    }
}
