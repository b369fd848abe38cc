package dev.parley.chat.event;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import org.jspecify.annotations.Nullable;

/** A change that has been stored. Listeners receive it after the transaction that made it. */
public sealed interface ChatEvent {

    /** A visitor started a chat. */
    record ChatStarted(Chat chat, ChatMessage message) implements ChatEvent {}

    /** A message was added to a chat (by a visitor, an admin or the system). */
    record MessagePosted(Chat chat, ChatMessage message) implements ChatEvent {}

    /** An admin changed a chat's status, department or assignee, or a visitor message reopened it. */
    record ChatUpdated(Chat chat, ChatStatus previousStatus) implements ChatEvent {

        /** Whether the status changed. */
        public boolean statusChanged() {
            return chat.status() != previousStatus;
        }
    }

    /**
     * An admin transferred a chat to another admin or department. Published after the {@link ChatUpdated} of the
     * same change.
     *
     * @param chat           the chat after the transfer
     * @param fromDepartment the department's slug before
     * @param fromAssignee   the assignee before, null when it had none
     * @param byAdmin        the id of the admin who transferred it
     * @param noteId         the id of the internal note given with the transfer, null when none
     */
    record ChatTransferred(Chat chat, String fromDepartment, @Nullable String fromAssignee, String byAdmin,
            @Nullable Long noteId) implements ChatEvent {}

    /** A visitor rated a chat. */
    record ChatRated(Chat chat) implements ChatEvent {}

    /** An admin's presence changed (heartbeat, going offline). */
    record PresenceChanged(AdminPresence presence, boolean wasOnline, boolean isOnline) implements ChatEvent {}

    /**
     * An admin created, changed or deleted a department. When the slug changed, the department's chats moved to the
     * new slug in the same transaction. Seeding publishes nothing.
     *
     * @param before the department before the change, null when it was created
     * @param after  the department after the change, null when it was deleted
     */
    record DepartmentChanged(@Nullable ChatDepartment before, @Nullable ChatDepartment after) implements ChatEvent {

        /** Whether the slug changed, so that chats moved from one slug to another. */
        public boolean slugChanged() {
            return before != null && after != null && !before.slug().equals(after.slug());
        }
    }
}
