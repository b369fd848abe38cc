package dev.parley.chat.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link NotificationPort}: logs what would be sent (recipients and kind, never the message text). */
public final class LoggingNotifier implements NotificationPort {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public void deliver(Notification notification) {
        log.info("Notification {} for chat {} to {} recipient(s) (no mail sender configured; logged only)",
                notification.getClass().getSimpleName(), notification.chatId(), notification.recipients().size());
        log.debug("Notification content: {}", notification);
    }
}
