package dev.parley.chat.conversation;

import dev.parley.chat.AssignmentTrigger;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatTransfer;
import dev.parley.chat.ParleyException;
import dev.parley.chat.Sender;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.store.ChatStore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers: an admin hands a chat to another admin, another department, or both. The chat gets a SYSTEM message
 * saying so (never the note's text), an optional internal note, and keeps its status and first response. Changing
 * the department unassigns an admin who does not serve the new one; a chat left unassigned is handed to the
 * {@link AssignmentTrigger} once committed.
 */
final class Transfers {

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);

    private final Conversations conversations;
    private final ChatStore store;
    private final AdminDirectory admins;
    private final AssignmentTrigger trigger;

    Transfers(Conversations conversations, AdminDirectory admins, AssignmentTrigger trigger) {
        this.conversations = conversations;
        this.store = conversations.store;
        this.admins = admins;
        this.trigger = trigger;
    }

    Chat transfer(ChatTransfer request) {
        Admin by = admins.require(request.adminId());
        Admin toAdmin = request.toAdmin() == null || request.toAdmin().isBlank() ? null : admin(request.toAdmin());
        String slug = Checks.optionalLine(request.toDepartment(), "department", 50);
        if (toAdmin == null && slug == null) {
            throw ParleyException.invalid("say where the chat goes: give adminId, department or both");
        }
        String noteText = request.note() == null || request.note().isBlank() ? null
                : conversations.noteText(request.note(), "note");
        Chat result = conversations.inTransaction(events -> {
            Chat chat = store.chats().lock(request.chatId())
                    .orElseThrow(() -> Conversations.noSuchChat(request.chatId()));
            if (chat.status() == ChatStatus.CLOSED) {
                throw ParleyException.conflict("chat " + chat.id() + " is CLOSED; a closed chat cannot be transferred");
            }
            ChatDepartment to = slug == null ? department(chat.department()) : conversations.activeDepartment(slug);
            boolean moves = !to.slug().equals(chat.department());
            String assignee = assignee(chat, toAdmin, to, moves);
            Instant now = conversations.clock.instant();
            Chat updated = chat.edit().department(to.slug()).assignedTo(assignee).updatedAt(now).build();
            store.chats().update(updated);
            ChatMessage system = store.messages().insert(conversations.newMessage(chat.id(), Sender.SYSTEM, null,
                    text(department(chat.department()), moves ? to : null, toAdmin, by), null, null, now));
            ChatMessage note = noteText == null ? null
                    : store.messages().insert(Conversations.note(chat.id(), by.id(), noteText, now));
            events.add(new ChatEvent.ChatUpdated(updated, chat.status()));
            events.add(new ChatEvent.MessagePosted(updated, system));
            if (note != null) {
                events.add(new ChatEvent.MessagePosted(updated, note));
            }
            events.add(new ChatEvent.ChatTransferred(updated, chat.department(), chat.assignedTo(), by.id(),
                    note == null ? null : note.id()));
            log.info("Chat {} transferred by {}: department '{}' -> '{}', assignee {} -> {}", chat.id(), by.id(),
                    chat.department(), updated.department(), chat.assignedTo(), updated.assignedTo());
            return updated;
        });
        if (result.assignedTo() == null) {
            store.transactions().afterCommit(() -> awaitAgent(result));
        }
        return result;
    }

    /**
     * Who has the chat after the transfer: the admin it is given to (who must serve its department), else the
     * current assignee while they serve it, else nobody.
     */
    private @Nullable String assignee(Chat chat, @Nullable Admin toAdmin, ChatDepartment to, boolean moves) {
        if (toAdmin != null) {
            if (!toAdmin.serves(to.slug())) {
                throw ParleyException.invalid("admin '" + toAdmin.id() + "' does not serve department '" + to.slug()
                        + "'; transfer to the department alone, or to an admin who serves it");
            }
            if (!moves && toAdmin.id().equals(chat.assignedTo())) {
                throw ParleyException.invalid("chat " + chat.id() + " is already with '" + toAdmin.id()
                        + "' in department '" + to.slug() + "'");
            }
            return toAdmin.id();
        }
        if (!moves) {
            throw ParleyException.invalid("chat " + chat.id() + " is already in department '" + to.slug() + "'");
        }
        String current = chat.assignedTo();
        return current != null && admins.find(current).map(a -> a.serves(to.slug())).orElse(false) ? current : null;
    }

    private void awaitAgent(Chat chat) {
        try {
            trigger.chatAwaitsAgent(chat);
        } catch (RuntimeException e) {
            log.warn("The assignment trigger failed for chat {}", chat.id(), e);
        }
    }

    /** "Transferred from Sales to Technical Support by Ada", "… to Grace by Ada", "… to Grace in Technical …". */
    static String text(ChatDepartment from, @Nullable ChatDepartment to, @Nullable Admin toAdmin, Admin by) {
        StringBuilder s = new StringBuilder("Transferred");
        if (to != null) {
            s.append(" from ").append(from.name());
        }
        if (toAdmin != null) {
            s.append(" to ").append(toAdmin.name());
            if (to != null) {
                s.append(" in ").append(to.name());
            }
        } else if (to != null) {
            s.append(" to ").append(to.name());
        }
        return s.append(" by ").append(by.name()).toString();
    }

    private Admin admin(String id) {
        String clean = id.strip();
        return admins.find(clean).orElseThrow(() -> ParleyException.invalid("adminId '" + clean
                + "' is not an admin; known: " + admins.all().stream().map(Admin::id).toList()));
    }

    private ChatDepartment department(String slug) {
        return store.departments().findBySlug(slug).orElseThrow(() -> ParleyException.notFound(
                "department '" + slug + "' does not exist"));
    }
}
