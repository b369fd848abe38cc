package dev.parley.chat.jpa.entity;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code parley_chat}: one chat with its per-chat analytics. */
@Entity(name = "ParleyChat")
@Table(name = "parley_chat")
public class ChatEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_chat_seq")
    @SequenceGenerator(name = "parley_chat_seq", sequenceName = "parley_chat_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false, length = 64)
    private String sessionId;
    @Column(name = "visitor_name", nullable = false, length = 100)
    private String visitorName;
    @Column(name = "visitor_email", length = 254)
    private @Nullable String visitorEmail;
    @Column(name = "visitor_phone", length = 30)
    private @Nullable String visitorPhone;
    @Column(name = "department", nullable = false, length = 50)
    private String department;
    @Column(name = "assigned_to", length = 200)
    private @Nullable String assignedTo;
    @Column(name = "status", nullable = false, length = 16)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "first_response_at")
    private @Nullable Instant firstResponseAt;
    @Column(name = "resolved_at")
    private @Nullable Instant resolvedAt;
    @Column(name = "response_time")
    private @Nullable Long responseTime;
    @Column(name = "resolution_time")
    private @Nullable Long resolutionTime;
    @Column(name = "rating")
    private @Nullable Integer rating;
    @Column(name = "rating_comment", length = 1000)
    private @Nullable String ratingComment;
    @Column(name = "offline_message", nullable = false)
    private boolean offlineMessage;
    @Column(name = "offline_notification_sent", nullable = false)
    private boolean offlineNotificationSent;
    @Column(name = "email_notification_sent", nullable = false)
    private boolean emailNotificationSent;
    @Column(name = "email_replies", nullable = false)
    private boolean emailReplies;

    @Column(name = "total_messages", nullable = false)
    private long totalMessages;
    @Column(name = "visitor_messages", nullable = false)
    private long visitorMessages;
    @Column(name = "admin_messages", nullable = false)
    private long adminMessages;
    @Column(name = "response_count", nullable = false)
    private long responseCount;
    @Column(name = "total_response_time", nullable = false)
    private long totalResponseTime;
    @Column(name = "longest_response_time")
    private @Nullable Long longestResponseTime;
    @Column(name = "shortest_response_time")
    private @Nullable Long shortestResponseTime;
    @Column(name = "awaiting_reply_since")
    private @Nullable Instant awaitingReplySince;
    @Column(name = "first_message_at")
    private @Nullable Instant firstMessageAt;
    @Column(name = "last_message_at")
    private @Nullable Instant lastMessageAt;

    /** For JPA. */
    protected ChatEntity() {}

    /** A new row holding the chat (its id is assigned on persist). */
    public static ChatEntity of(Chat chat) {
        ChatEntity e = new ChatEntity();
        e.apply(chat);
        return e;
    }

    /** The store-assigned id. */
    public Long getId() {
        return id;
    }

    /** The session id. */
    public String getSessionId() {
        return sessionId;
    }

    /** Copies every field of the chat but its id into this row. */
    public void apply(Chat c) {
        sessionId = c.sessionId();
        visitorName = c.visitorName();
        visitorEmail = c.visitorEmail();
        visitorPhone = c.visitorPhone();
        department = c.department();
        assignedTo = c.assignedTo();
        status = c.status().name();
        createdAt = c.createdAt();
        updatedAt = c.updatedAt();
        firstResponseAt = c.firstResponseAt();
        resolvedAt = c.resolvedAt();
        responseTime = c.responseTime();
        resolutionTime = c.resolutionTime();
        rating = c.rating();
        ratingComment = c.ratingComment();
        offlineMessage = c.offlineMessage();
        offlineNotificationSent = c.offlineNotificationSent();
        emailNotificationSent = c.emailNotificationSent();
        emailReplies = c.visitorEmailReplies();
        ChatAnalytics a = c.analytics();
        totalMessages = a.totalMessages();
        visitorMessages = a.visitorMessages();
        adminMessages = a.adminMessages();
        responseCount = a.responseCount();
        totalResponseTime = a.totalResponseTime();
        longestResponseTime = a.longestResponseTime();
        shortestResponseTime = a.shortestResponseTime();
        awaitingReplySince = a.awaitingReplySince();
        firstMessageAt = a.firstMessageAt();
        lastMessageAt = a.lastMessageAt();
    }

    /** The department's slug. */
    public String getDepartment() {
        return department;
    }

    /** The chat this row holds. */
    public Chat toRecord() {
        return new Chat(id, sessionId, visitorName, visitorEmail, visitorPhone, department, assignedTo,
                ChatStatus.valueOf(status), createdAt, updatedAt, firstResponseAt, resolvedAt, responseTime,
                resolutionTime, rating, ratingComment, offlineMessage, offlineNotificationSent, emailNotificationSent,
                new ChatAnalytics(totalMessages, visitorMessages, adminMessages, responseCount, totalResponseTime,
                        longestResponseTime, shortestResponseTime, awaitingReplySince, firstMessageAt,
                        lastMessageAt), emailReplies);
    }
}
