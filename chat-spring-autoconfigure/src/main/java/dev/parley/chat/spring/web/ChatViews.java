package dev.parley.chat.spring.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.MessageType;
import dev.parley.chat.Page;
import dev.parley.chat.Sender;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of chats and messages. Admin views never carry the visitor's session id; visitor views carry it
 * only to its owner and never show admin ids.
 */
public final class ChatViews {

    private final AdminDirectory admins;

    /** Uses the directory for the display names of admins. */
    public ChatViews(AdminDirectory admins) {
        this.admins = admins;
    }

    /** A chat as its visitor sees it. */
    public VisitorChat visitorChat(Chat c) {
        return new VisitorChat(c.sessionId(), c.status(), c.department(), c.visitorName(), c.createdAt(),
                c.updatedAt(), c.rating(), c.ratingComment(),
                c.assignedTo() == null ? null : admins.find(c.assignedTo()).map(Admin::name).orElse("Support"));
    }

    /** A message as the visitor sees it; the core never gives a visitor an internal note. */
    public VisitorMessage visitorMessage(ChatMessage m) {
        return new VisitorMessage(m.id(), m.sender(), senderName(m), m.message(), m.messageType(), m.fileUrl(),
                m.fileName(), m.fileSize(), m.createdAt(), m.readAt());
    }

    /** A chat as admins see it. */
    public AdminChat adminChat(Chat c) {
        ChatAnalytics a = c.analytics();
        return new AdminChat(c.id(), c.visitorName(), c.visitorEmail(), c.visitorPhone(), c.department(),
                c.assignedTo(), c.status(), c.createdAt(), c.updatedAt(), c.firstResponseAt(), c.resolvedAt(),
                c.responseTime(), c.resolutionTime(), c.rating(), c.ratingComment(), c.offlineMessage(),
                c.offlineNotificationSent(), c.emailNotificationSent(),
                new Analytics(a.totalMessages(), a.visitorMessages(), a.adminMessages(), a.avgResponseTime(),
                        a.longestResponseTime(), a.shortestResponseTime(), a.sessionDuration()));
    }

    /** A message as admins see it. */
    public AdminMessage adminMessage(ChatMessage m) {
        return new AdminMessage(m.id(), m.chatId(), m.sender(), m.senderId(), senderName(m), m.message(),
                m.messageType(), m.fileUrl(), m.fileName(), m.fileSize(), m.createdAt(), m.readAt());
    }

    /** A chat in an admin listing, with its latest message. */
    public Summary summary(ChatSummary s) {
        return new Summary(adminChat(s.chat()), s.lastMessage() == null ? null : adminMessage(s.lastMessage()));
    }

    /** One page of a listing. */
    public static <T, R> PageView<R> page(Page<T> page, Function<? super T, ? extends R> f) {
        return new PageView<>(page.items().stream().<R>map(f).toList(), page.page(), page.size(), page.total(),
                page.totalPages());
    }

    private @Nullable String senderName(ChatMessage m) {
        if (m.sender() == Sender.VISITOR) {
            return null;
        }
        if (m.sender() == Sender.SYSTEM || m.senderId() == null) {
            return "System";
        }
        return admins.find(m.senderId()).map(Admin::name).orElse("Support");
    }

    /**
     * A chat as its visitor sees it.
     *
     * @param sessionId     the visitor's own session id
     * @param status        ACTIVE, WAITING, RESOLVED or CLOSED
     * @param department    the department's slug
     * @param visitorName   the visitor's name
     * @param createdAt     when the chat started
     * @param updatedAt     when it last changed
     * @param rating        the visitor's rating, if given
     * @param ratingComment the rating's comment, if given
     * @param agentName     the display name of the admin the chat is assigned to; null while nobody is
     */
    public record VisitorChat(String sessionId, ChatStatus status, String department, String visitorName,
            Instant createdAt, Instant updatedAt, @Nullable Integer rating, @Nullable String ratingComment,
            @Nullable String agentName) {}

    /**
     * A message as its chat's visitor sees it.
     *
     * @param id          the message id (use it as {@code after} to read newer messages)
     * @param sender      VISITOR, ADMIN or SYSTEM
     * @param senderName  the admin's display name, "System", or null for the visitor
     * @param message     the text
     * @param messageType TEXT, IMAGE or FILE
     * @param fileUrl     the attachment's URL
     * @param fileName    the attachment's name
     * @param fileSize    the attachment's size in bytes
     * @param createdAt   when it was stored
     * @param readAt      when the other side read it
     */
    public record VisitorMessage(long id, Sender sender, @Nullable String senderName, String message,
            MessageType messageType, @Nullable String fileUrl, @Nullable String fileName, @Nullable Long fileSize,
            Instant createdAt, @Nullable Instant readAt) {}

    /**
     * A chat as admins see it (never with the visitor's session id).
     *
     * @param id                      the chat id
     * @param visitorName             the visitor's name
     * @param visitorEmail            the visitor's email
     * @param visitorPhone            the visitor's phone
     * @param department              the department's slug
     * @param assignedTo              the assignee's admin id
     * @param status                  ACTIVE, WAITING, RESOLVED or CLOSED
     * @param createdAt               when it started
     * @param updatedAt               when it last changed
     * @param firstResponseAt         the first admin message's time
     * @param resolvedAt              when it was resolved
     * @param responseTime            seconds to the first response
     * @param resolutionTime          seconds to resolution
     * @param rating                  the visitor's rating
     * @param ratingComment           the rating's comment
     * @param isOfflineMessage        whether the visitor wrote while no admin was online
     * @param offlineNotificationSent whether admins were emailed the offline messages
     * @param emailNotificationSent   whether admins were emailed about the new chat
     * @param analytics               per-chat figures
     */
    public record AdminChat(long id, String visitorName, @Nullable String visitorEmail,
            @Nullable String visitorPhone, String department, @Nullable String assignedTo, ChatStatus status,
            Instant createdAt, Instant updatedAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
            @Nullable Long responseTime, @Nullable Long resolutionTime, @Nullable Integer rating,
            @Nullable String ratingComment, @JsonProperty("isOfflineMessage") boolean isOfflineMessage,
            boolean offlineNotificationSent, boolean emailNotificationSent, Analytics analytics) {}

    /**
     * Per-chat figures (seconds).
     *
     * @param totalMessages        visitor and admin messages
     * @param visitorMessages      visitor messages
     * @param adminMessages        admin messages
     * @param avgResponseTime      mean reply time
     * @param longestResponseTime  longest reply time
     * @param shortestResponseTime shortest reply time
     * @param sessionDuration      seconds from the first to the last message
     */
    public record Analytics(long totalMessages, long visitorMessages, long adminMessages,
            @Nullable Double avgResponseTime, @Nullable Long longestResponseTime,
            @Nullable Long shortestResponseTime, long sessionDuration) {}

    /**
     * A message as admins see it.
     *
     * @param id          the message id
     * @param chatId      the chat
     * @param sender      VISITOR, ADMIN or SYSTEM
     * @param senderId    the admin's id for ADMIN messages
     * @param senderName  the admin's display name, or "System"
     * @param message     the text
     * @param messageType TEXT, IMAGE, FILE, or NOTE for an internal note (never shown to the visitor)
     * @param fileUrl     the attachment's URL
     * @param fileName    the attachment's name
     * @param fileSize    the attachment's size in bytes
     * @param createdAt   when it was stored
     * @param readAt      when the other side read it
     */
    public record AdminMessage(long id, long chatId, Sender sender, @Nullable String senderId,
            @Nullable String senderName, String message, MessageType messageType, @Nullable String fileUrl,
            @Nullable String fileName, @Nullable Long fileSize, Instant createdAt, @Nullable Instant readAt) {}

    /**
     * A chat in a listing.
     *
     * @param chat        the chat
     * @param lastMessage its latest message
     */
    public record Summary(AdminChat chat, @Nullable AdminMessage lastMessage) {}

    /**
     * One page of a listing.
     *
     * @param items      this page's items
     * @param page       zero-based page number
     * @param size       page size
     * @param total      items over all pages
     * @param totalPages number of pages
     * @param <T>        the item type
     */
    public record PageView<T>(List<T> items, int page, int size, long total, long totalPages) {}
}
