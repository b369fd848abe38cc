package dev.parley.chat.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Messages a visitor sent while no admin was online, batched per chat and window: one email for all of them.
 *
 * @param recipients   email addresses
 * @param chatId       the chat
 * @param visitorName  as the visitor typed it
 * @param visitorEmail as the visitor typed it
 * @param department   the department's slug
 * @param messages     the messages, oldest first
 */
public record OfflineMessagesNotification(
        List<String> recipients,
        long chatId,
        String visitorName,
        @Nullable String visitorEmail,
        String department,
        List<Line> messages) implements Notification {

    /** Copies the lists. */
    public OfflineMessagesNotification {
        recipients = List.copyOf(recipients);
        messages = List.copyOf(messages);
    }

    /** This notification with one more message. */
    public OfflineMessagesNotification plus(Line line) {
        var more = new java.util.ArrayList<>(messages);
        more.add(line);
        return new OfflineMessagesNotification(recipients, chatId, visitorName, visitorEmail, department, more);
    }

    /**
     * One message of the batch.
     *
     * @param messageId the message's id
     * @param text      the text
     * @param sentAt    when it was sent
     */
    public record Line(long messageId, String text, Instant sentAt) {}
}
