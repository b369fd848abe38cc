package dev.parley.chat.notification;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Messages a visitor sent while no admin was online, batched per chat and window: one email for all of them. The
 * email lists the first {@value #MAX_LINES} messages of a batch and only counts the rest, so that a batch stays the
 * same size however many messages arrive.
 *
 * @param recipients   email addresses
 * @param chatId       the chat
 * @param visitorName  as the visitor typed it
 * @param visitorEmail as the visitor typed it
 * @param department   the department's slug
 * @param messages     the first messages, oldest first, at most {@value #MAX_LINES}
 * @param moreMessages how many later messages of the batch are not listed (0 in payloads written before it existed)
 */
public record OfflineMessagesNotification(
        List<String> recipients,
        long chatId,
        String visitorName,
        @Nullable String visitorEmail,
        String department,
        List<Line> messages,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int moreMessages) implements Notification {

    /** The most messages one email lists; later ones of the same batch are counted in {@link #moreMessages()}. */
    public static final int MAX_LINES = 50;

    /** Copies the lists; messages beyond the first {@value #MAX_LINES} are only counted. */
    public OfflineMessagesNotification {
        if (moreMessages < 0) {
            throw new IllegalArgumentException("moreMessages must not be negative");
        }
        recipients = List.copyOf(recipients);
        if (messages.size() > MAX_LINES) {
            moreMessages += messages.size() - MAX_LINES;
            messages = messages.subList(0, MAX_LINES);
        }
        messages = List.copyOf(messages);
    }

    /** A batch that lists all of its messages (the first {@value #MAX_LINES} if there are more). */
    public OfflineMessagesNotification(List<String> recipients, long chatId, String visitorName,
            @Nullable String visitorEmail, String department, List<Line> messages) {
        this(recipients, chatId, visitorName, visitorEmail, department, messages, 0);
    }

    /** All messages of the batch: those listed and those only counted. */
    public int messageCount() {
        return messages.size() + moreMessages;
    }

    /** This notification with one more message: listed while fewer than {@value #MAX_LINES} are, else counted. */
    public OfflineMessagesNotification plus(Line line) {
        if (messages.size() >= MAX_LINES) {
            return new OfflineMessagesNotification(recipients, chatId, visitorName, visitorEmail, department,
                    messages, moreMessages + 1);
        }
        var more = new ArrayList<>(messages);
        more.add(line);
        return new OfflineMessagesNotification(recipients, chatId, visitorName, visitorEmail, department, more,
                moreMessages);
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
