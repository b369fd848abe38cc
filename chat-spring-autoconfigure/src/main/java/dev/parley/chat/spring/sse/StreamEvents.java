package dev.parley.chat.spring.sse;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.chat.AdminPresence;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.spring.web.CatalogViews;
import dev.parley.chat.spring.web.ChatViews;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What each change event looks like on the streams. Admins see new chats, messages (internal notes included), chat
 * changes, transfers, ratings, presence and department changes; a visitor sees the messages and status changes of
 * their own chat, never another's, never an internal note, and no admin ids.
 */
public final class StreamEvents {

    private final ChatViews views;

    /** Uses the views of the HTTP API. */
    public StreamEvents(ChatViews views) {
        this.views = views;
    }

    /** The stream event of a change with its log id, or null when streams do not show it. */
    @Nullable StreamEvent map(long id, ChatEvent event) {
        StreamEvent e = map(event);
        return e == null ? null : new StreamEvent(id, e.chatId(), e.admin(), e.visitor());
    }

    /** The stream event of a change (sequence number 0), or null when streams do not show it. */
    @Nullable StreamEvent map(ChatEvent event) {
        if (event instanceof ChatEvent.ChatStarted e) {
            return new StreamEvent(0, e.chat().id(), new StreamEvent.Frame("chat.started",
                    new ChatAndMessage(views.adminChat(e.chat()), views.adminMessage(e.message()))), null);
        }
        if (event instanceof ChatEvent.MessagePosted e) {
            return new StreamEvent(0, e.chat().id(),
                    new StreamEvent.Frame("message",
                            new ChatAndMessage(views.adminChat(e.chat()), views.adminMessage(e.message()))),
                    e.message().messageType().visibleToVisitor()
                            ? new StreamEvent.Frame("message", views.visitorMessage(e.message()))
                            : null);
        }
        if (event instanceof ChatEvent.ChatTransferred e) {
            return new StreamEvent(0, e.chat().id(), new StreamEvent.Frame("chat.transferred",
                    new Transfer(views.adminChat(e.chat()), e.fromDepartment(), e.fromAssignee(), e.byAdmin(),
                            e.noteId())), null);
        }
        if (event instanceof ChatEvent.ChatUpdated e) {
            StreamEvent.Frame visitor = e.statusChanged()
                    ? new StreamEvent.Frame("status", new Status(e.chat().status().name()))
                    : null;
            return new StreamEvent(0, e.chat().id(), new StreamEvent.Frame("chat.updated",
                    new ChatChange(views.adminChat(e.chat()), e.previousStatus().name())), visitor);
        }
        if (event instanceof ChatEvent.ChatRated e) {
            return new StreamEvent(0, e.chat().id(),
                    new StreamEvent.Frame("chat.rated", new ChatChange(views.adminChat(e.chat()), null)), null);
        }
        if (event instanceof ChatEvent.DepartmentChanged e) {
            return new StreamEvent(0, 0, new StreamEvent.Frame("department.changed", new DepartmentChange(
                    e.before() == null ? null : CatalogViews.department(e.before()),
                    e.after() == null ? null : CatalogViews.department(e.after()))), null);
        }
        if (event instanceof ChatEvent.PresenceChanged e) {
            AdminPresence p = e.presence();
            return new StreamEvent(0, 0, new StreamEvent.Frame("presence",
                    new Presence(p.userId(), e.isOnline(), p.department(), p.lastSeenAt())), null);
        }
        return null;
    }

    /**
     * A chat with a message.
     *
     * @param chat    the chat after the change
     * @param message the message
     */
    public record ChatAndMessage(ChatViews.AdminChat chat, ChatViews.AdminMessage message) {}

    /**
     * A transferred chat, for admins.
     *
     * @param chat           the chat after the transfer
     * @param fromDepartment the department's slug before
     * @param fromAssignee   the assignee before, null when none
     * @param transferredBy  the id of the admin who transferred it
     * @param noteId         the id of the internal note of the transfer, null when none
     */
    public record Transfer(ChatViews.AdminChat chat, String fromDepartment, @Nullable String fromAssignee,
            String transferredBy, @Nullable Long noteId) {}

    /**
     * A chat's new status, for its visitor.
     *
     * @param status ACTIVE, WAITING, RESOLVED or CLOSED
     */
    public record Status(String status) {}

    /**
     * Events were missed and cannot be replayed.
     *
     * @param reason what to do
     */
    public record Resync(String reason) {}

    /**
     * A changed chat.
     *
     * @param chat           the chat after the change
     * @param previousStatus its status before, for updates
     */
    public record ChatChange(ChatViews.AdminChat chat, @Nullable String previousStatus) {}

    /**
     * A department created (no {@code before}), changed, or deleted (no {@code after}).
     *
     * @param before the department before the change
     * @param after  the department after the change
     */
    public record DepartmentChange(CatalogViews.@Nullable Department before,
            CatalogViews.@Nullable Department after) {}

    /**
     * An admin's presence change.
     *
     * @param userId     the admin's id
     * @param isOnline   whether they are online now
     * @param department the department they serve; null for all
     * @param lastSeenAt their last heartbeat
     */
    public record Presence(String userId, @JsonProperty("isOnline") boolean isOnline, @Nullable String department, Instant lastSeenAt) {}
}
