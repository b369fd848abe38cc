package dev.parley.chat.notification;

import java.util.List;

/** Something to tell people by email. Built by the core, delivered through {@link NotificationPort}. */
public sealed interface Notification
        permits NewChatNotification, OfflineMessagesNotification, AgentAvailableNotification {

    /** The email addresses to send to. */
    List<String> recipients();

    /** The chat this is about. */
    long chatId();
}
