package dev.parley.chat.conversation;

import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatNote;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ParleyException;
import dev.parley.chat.Sender;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.store.ChatStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an admin does to a chat: write in it, change its status, department or assignee. */
final class AdminSide {

    private static final Logger log = LoggerFactory.getLogger(AdminSide.class);

    private final Conversations conversations;
    private final ChatStore store;
    private final AdminDirectory admins;

    AdminSide(Conversations conversations, AdminDirectory admins) {
        this.conversations = conversations;
        this.store = conversations.store;
        this.admins = admins;
    }

    ChatMessage postMessage(AdminMessage request) {
        String adminId = admins.require(request.adminId()).id();
        boolean hasAttachment = request.attachment() != null;
        String text = conversations.messageText(request.messageType(), request.message(), hasAttachment);
        return conversations.inTransaction(events -> {
            Chat chat = store.chats().lock(request.chatId())
                    .orElseThrow(() -> Conversations.noSuchChat(request.chatId()));
            Instant now = conversations.clock.instant();
            Chat updated = chat.afterAdminMessage(now);
            UploadedFile file = hasAttachment ? conversations.attachment(chat.id(), request.attachment()) : null;
            ChatMessage message = store.messages().insert(conversations.newMessage(chat.id(), Sender.ADMIN, adminId,
                    text, file, request.messageType(), now));
            store.chats().update(updated);
            events.add(new ChatEvent.MessagePosted(updated, message));
            if (updated.status() != chat.status()) {
                events.add(new ChatEvent.ChatUpdated(updated, chat.status()));
            }
            return message;
        });
    }

    /**
     * Adds an internal note. It leaves the chat as it is (no status move, no first response, not counted in the
     * analytics) and is accepted on a chat of any status, CLOSED included.
     */
    ChatMessage addNote(ChatNote request) {
        String adminId = admins.require(request.adminId()).id();
        String text = conversations.noteText(request.message(), "message");
        return conversations.inTransaction(events -> {
            Chat chat = store.chats().find(request.chatId())
                    .orElseThrow(() -> Conversations.noSuchChat(request.chatId()));
            ChatMessage note = store.messages().insert(
                    Conversations.note(chat.id(), adminId, text, conversations.clock.instant()));
            events.add(new ChatEvent.MessagePosted(chat, note));
            return note;
        });
    }

    Chat updateChat(ChatUpdate update) {
        if (update.status() == null && update.department() == null && update.assignedTo() == null
                && !update.unassign()) {
            throw ParleyException.invalid("nothing to update: give status, department, assignedTo or unassign");
        }
        String assignee = update.assignedTo() == null ? null : requireAssignee(update.assignedTo());
        return conversations.inTransaction(events -> {
            Chat chat = store.chats().lock(update.chatId())
                    .orElseThrow(() -> Conversations.noSuchChat(update.chatId()));
            Instant now = conversations.clock.instant();
            Chat.Builder next = (update.status() == null ? chat : chat.withStatus(update.status(), now)).edit()
                    .updatedAt(now);
            if (update.department() != null) {
                next.department(conversations.activeDepartment(update.department().strip()).slug());
            }
            if (update.unassign()) {
                next.assignedTo(null);
            } else if (assignee != null) {
                next.assignedTo(assignee);
            }
            Chat updated = next.build();
            store.chats().update(updated);
            events.add(new ChatEvent.ChatUpdated(updated, chat.status()));
            log.info("Chat {} updated: status {} -> {}, department '{}', assignee {}", chat.id(), chat.status(),
                    updated.status(), updated.department(), updated.assignedTo());
            return updated;
        });
    }

    private String requireAssignee(String adminId) {
        String id = adminId.strip();
        if (admins.find(id).isEmpty()) {
            throw ParleyException.invalid("assignedTo '" + id + "' is not an admin; known: "
                    + admins.all().stream().map(a -> a.id()).toList());
        }
        return id;
    }
}
