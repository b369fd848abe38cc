package dev.parley.chat;

import dev.parley.chat.ChatStatus.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One conversation, started by a visitor.
 *
 * @param id                      store-assigned id
 * @param sessionId               the visitor's credential: unguessable, never listed on public endpoints
 * @param visitorName             the visitor's name
 * @param visitorEmail            the visitor's email, if given
 * @param visitorPhone            the visitor's phone, if given
 * @param department              the department's slug
 * @param assignedTo              the assigned admin's id, if any
 * @param status                  where the chat is in its lifecycle
 * @param createdAt               when the visitor started it
 * @param updatedAt               when anything about it last changed
 * @param firstResponseAt         when the first admin message arrived
 * @param resolvedAt              when it was last resolved or closed (cleared when reopened)
 * @param responseTime            whole seconds from {@code createdAt} to {@code firstResponseAt}
 * @param resolutionTime          whole seconds from {@code createdAt} to {@code resolvedAt}
 * @param rating                  the visitor's rating, 1 to 5, at most one per chat
 * @param ratingComment           the visitor's comment with the rating
 * @param offlineMessage          whether the visitor wrote while no admin was online
 * @param offlineNotificationSent whether admins were emailed the offline messages
 * @param emailNotificationSent   whether admins were emailed about the new chat
 * @param analytics               per-chat analytics, kept up to date as messages arrive
 * @param visitorEmailReplies     whether the visitor asked, when starting the chat, to be emailed at
 *                                {@code visitorEmail} (the only case Parley ever emails a visitor)
 */
public record Chat(
        long id,
        String sessionId,
        String visitorName,
        @Nullable String visitorEmail,
        @Nullable String visitorPhone,
        String department,
        @Nullable String assignedTo,
        ChatStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable Long responseTime,
        @Nullable Long resolutionTime,
        @Nullable Integer rating,
        @Nullable String ratingComment,
        boolean offlineMessage,
        boolean offlineNotificationSent,
        boolean emailNotificationSent,
        ChatAnalytics analytics,
        boolean visitorEmailReplies) {

    /** A chat whose visitor did not ask for emails. */
    public Chat(long id, String sessionId, String visitorName, @Nullable String visitorEmail,
            @Nullable String visitorPhone, String department, @Nullable String assignedTo, ChatStatus status,
            Instant createdAt, Instant updatedAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
            @Nullable Long responseTime, @Nullable Long resolutionTime, @Nullable Integer rating,
            @Nullable String ratingComment, boolean offlineMessage, boolean offlineNotificationSent,
            boolean emailNotificationSent, ChatAnalytics analytics) {
        this(id, sessionId, visitorName, visitorEmail, visitorPhone, department, assignedTo, status, createdAt,
                updatedAt, firstResponseAt, resolvedAt, responseTime, resolutionTime, rating, ratingComment,
                offlineMessage, offlineNotificationSent, emailNotificationSent, analytics, false);
    }

    /** Checks the fields that may never be missing. */
    public Chat {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(visitorName, "visitorName");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(analytics, "analytics");
    }

    /** Whole seconds between two instants, the unit of every duration in Parley. */
    public static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }

    /**
     * This chat once its visitor wrote at {@code now}: ACTIVE when an admin serving it is online, else WAITING and
     * marked offline; a RESOLVED chat is reopened. The message is counted in the analytics.
     *
     * @throws ParleyException CONFLICT when the chat is CLOSED
     */
    public Chat afterVisitorMessage(Instant now, boolean adminOnline) {
        Builder next = move(adminOnline ? ChatStatus.ACTIVE : ChatStatus.WAITING, Cause.VISITOR_WRITES, now)
                .analytics(analytics.withVisitorMessage(now));
        if (!adminOnline) {
            next.offlineMessage(true);
        }
        return next.build();
    }

    /**
     * This chat once an admin wrote at {@code now}: ACTIVE (a RESOLVED chat is reopened); the first admin message
     * records {@code firstResponseAt} and {@code responseTime}. The message is counted in the analytics.
     *
     * @throws ParleyException CONFLICT when the chat is CLOSED
     */
    public Chat afterAdminMessage(Instant now) {
        Builder next = move(ChatStatus.ACTIVE, Cause.ADMIN_WRITES, now).analytics(analytics.withAdminMessage(now));
        if (firstResponseAt == null) {
            next.firstResponseAt(now).responseTime(seconds(createdAt, now));
        }
        return next.build();
    }

    /**
     * This chat once an admin set its status at {@code now}; setting the status it has changes only
     * {@code updatedAt}.
     *
     * @throws ParleyException CONFLICT when {@link ChatStatus#causes} does not let an admin make this move
     */
    public Chat withStatus(ChatStatus target, Instant now) {
        return (target == status ? edit().updatedAt(now) : move(target, Cause.ADMIN_SETS, now)).build();
    }

    /**
     * The one place a chat changes status: checks the move against {@link ChatStatus#causes}, records the resolution
     * when it becomes RESOLVED or CLOSED, and clears it when it is (re)opened.
     */
    private Builder move(ChatStatus target, Cause cause, Instant now) {
        if (cause != Cause.ADMIN_SETS && !status.takesMessages()) {
            throw ParleyException.conflict("this chat is closed and takes no new messages; start a new chat");
        }
        if (target != status && !status.causes(target).contains(cause)) {
            throw ParleyException.conflict("chat " + id + " is " + status + " and cannot become " + target
                    + "; allowed: " + status.successors(cause));
        }
        Builder next = edit().status(target).updatedAt(now);
        if (target.isResolved() && resolvedAt == null) {
            next.resolvedAt(now).resolutionTime(seconds(createdAt, now));
        } else if (target.isOpen()) {
            next.resolvedAt(null).resolutionTime(null);
        }
        return next;
    }

    /** A builder preloaded with this chat's values, to derive a changed copy. */
    public Builder edit() {
        return new Builder(this);
    }

    /** A builder for a new chat. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Chat} values; used by the services and by store adapters mapping rows. */
    public static final class Builder {
        private long id;
        private @Nullable String sessionId;
        private @Nullable String visitorName;
        private @Nullable String visitorEmail;
        private @Nullable String visitorPhone;
        private String department = ChatDepartment.DEFAULT_SLUG;
        private @Nullable String assignedTo;
        private ChatStatus status = ChatStatus.ACTIVE;
        private @Nullable Instant createdAt;
        private @Nullable Instant updatedAt;
        private @Nullable Instant firstResponseAt;
        private @Nullable Instant resolvedAt;
        private @Nullable Long responseTime;
        private @Nullable Long resolutionTime;
        private @Nullable Integer rating;
        private @Nullable String ratingComment;
        private boolean offlineMessage;
        private boolean offlineNotificationSent;
        private boolean emailNotificationSent;
        private ChatAnalytics analytics = ChatAnalytics.EMPTY;
        private boolean visitorEmailReplies;

        private Builder() {}

        private Builder(Chat c) {
            id = c.id;
            sessionId = c.sessionId;
            visitorName = c.visitorName;
            visitorEmail = c.visitorEmail;
            visitorPhone = c.visitorPhone;
            department = c.department;
            assignedTo = c.assignedTo;
            status = c.status;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
            firstResponseAt = c.firstResponseAt;
            resolvedAt = c.resolvedAt;
            responseTime = c.responseTime;
            resolutionTime = c.resolutionTime;
            rating = c.rating;
            ratingComment = c.ratingComment;
            offlineMessage = c.offlineMessage;
            offlineNotificationSent = c.offlineNotificationSent;
            emailNotificationSent = c.emailNotificationSent;
            analytics = c.analytics;
            visitorEmailReplies = c.visitorEmailReplies;
        }

        /** Sets the id. */
        public Builder id(long v) { id = v; return this; }
        /** Sets the session id. */
        public Builder sessionId(String v) { sessionId = v; return this; }
        /** Sets the visitor's name. */
        public Builder visitorName(String v) { visitorName = v; return this; }
        /** Sets the visitor's email. */
        public Builder visitorEmail(@Nullable String v) { visitorEmail = v; return this; }
        /** Sets the visitor's phone. */
        public Builder visitorPhone(@Nullable String v) { visitorPhone = v; return this; }
        /** Sets the department slug. */
        public Builder department(String v) { department = v; return this; }
        /** Sets the assignee. */
        public Builder assignedTo(@Nullable String v) { assignedTo = v; return this; }
        /** Sets the status. */
        public Builder status(ChatStatus v) { status = v; return this; }
        /** Sets the creation time. */
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        /** Sets the time of the last change. */
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        /** Sets the time of the first admin message. */
        public Builder firstResponseAt(@Nullable Instant v) { firstResponseAt = v; return this; }
        /** Sets the resolution time. */
        public Builder resolvedAt(@Nullable Instant v) { resolvedAt = v; return this; }
        /** Sets the response time in seconds. */
        public Builder responseTime(@Nullable Long v) { responseTime = v; return this; }
        /** Sets the resolution time in seconds. */
        public Builder resolutionTime(@Nullable Long v) { resolutionTime = v; return this; }
        /** Sets the rating. */
        public Builder rating(@Nullable Integer v) { rating = v; return this; }
        /** Sets the rating comment. */
        public Builder ratingComment(@Nullable String v) { ratingComment = v; return this; }
        /** Sets the offline flag. */
        public Builder offlineMessage(boolean v) { offlineMessage = v; return this; }
        /** Sets whether the offline notification went out. */
        public Builder offlineNotificationSent(boolean v) { offlineNotificationSent = v; return this; }
        /** Sets whether the new-chat notification went out. */
        public Builder emailNotificationSent(boolean v) { emailNotificationSent = v; return this; }
        /** Sets the per-chat analytics. */
        public Builder analytics(ChatAnalytics v) { analytics = v; return this; }
        /** Sets whether the visitor asked to be emailed. */
        public Builder visitorEmailReplies(boolean v) { visitorEmailReplies = v; return this; }

        /** Builds the chat. */
        public Chat build() {
            return new Chat(id, Objects.requireNonNull(sessionId, "sessionId"),
                    Objects.requireNonNull(visitorName, "visitorName"), visitorEmail, visitorPhone, department,
                    assignedTo, status, Objects.requireNonNull(createdAt, "createdAt"),
                    updatedAt == null ? createdAt : updatedAt, firstResponseAt, resolvedAt, responseTime,
                    resolutionTime, rating, ratingComment, offlineMessage, offlineNotificationSent,
                    emailNotificationSent, analytics, visitorEmailReplies);
        }
    }
}
