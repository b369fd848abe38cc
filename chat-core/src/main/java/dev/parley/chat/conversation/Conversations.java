package dev.parley.chat.conversation;

import dev.parley.chat.Attachment;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.MessageType;
import dev.parley.chat.ParleyException;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.Sender;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.EventRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The store as the conversation rules use it: transactions that publish their events once committed, active
 * departments, uploaded attachments and pages of messages.
 */
final class Conversations {

    private static final int MAX_READ = 1_000;

    final ChatStore store;
    final Clock clock;
    private final ParleySettings settings;
    private final EventBus events;

    Conversations(ChatStore store, ParleySettings settings, Clock clock, EventBus events) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The checked text of a message: trimmed, at most {@code maxMessageLength}, empty only with an attachment; a
     * message typed IMAGE or FILE must carry one.
     */
    String messageText(@Nullable MessageType type, @Nullable String message, boolean hasAttachment) {
        if (type == MessageType.NOTE) {
            throw ParleyException.invalid("messageType NOTE is for internal notes, which only admins add, through "
                    + "the notes of a chat (POST /api/v1/admin/chat/{id}/notes)");
        }
        if (type != null && type != MessageType.TEXT && !hasAttachment) {
            throw ParleyException.invalid("messageType " + type
                    + " needs a fileUrl: upload the file to this chat first and send the url it answers");
        }
        String text = Checks.optionalText(message, "message", settings.maxMessageLength());
        if (text == null && !hasAttachment) {
            throw ParleyException.invalid("message is required");
        }
        return text == null ? "" : text;
    }

    /**
     * Runs the work in a transaction, writes the events it collected to the event log in it, and publishes them
     * once that is committed.
     */
    <T> T inTransaction(Function<List<ChatEvent>, T> work) {
        return events.inTransaction(store, work);
    }

    /** The events as drafts for the event log. */
    List<EventRecords.Draft> drafts(List<ChatEvent> collected) {
        return events.drafts(collected);
    }

    /** Publishes events already in the event log once the current transaction commits (at once outside of one). */
    void publishAfterCommit(List<ChatEvent> collected) {
        events.publishAfterCommit(store, collected);
    }

    /** The active department with this slug; a validation error naming the choices otherwise. */
    ChatDepartment activeDepartment(String slug) {
        ChatDepartment d = store.departments().findBySlug(slug).orElse(null);
        if (d == null || !d.active()) {
            List<String> known = store.departments().list().stream()
                    .filter(ChatDepartment::active).map(ChatDepartment::slug).toList();
            throw ParleyException.invalid("department '" + slug + "' " + (d == null ? "does not exist" : "is inactive")
                    + "; choose one of " + known);
        }
        return d;
    }

    @Nullable String departmentEmail(String slug) {
        return store.departments().findBySlug(slug).map(ChatDepartment::email).orElse(null);
    }

    /** A message of one chat, with the attachment's name, size and type taken from its upload record. */
    ChatMessage newMessage(long chatId, Sender sender, @Nullable String senderId, String text,
            @Nullable UploadedFile file, @Nullable MessageType asked, Instant now) {
        return new ChatMessage(0, chatId, sender, senderId, text, file == null ? MessageType.TEXT : typeOf(file, asked),
                file == null ? null : file.url(), file == null ? null : file.fileName(),
                file == null ? null : file.fileSize(), now, null);
    }

    /** The checked text of an internal note: trimmed, required, at most {@code maxMessageLength}. */
    String noteText(@Nullable String text, String field) {
        String clean = Checks.optionalText(text, field, settings.maxMessageLength());
        if (clean == null) {
            throw ParleyException.invalid(field + " is required");
        }
        return clean;
    }

    /** An internal note of an admin, to insert. */
    static ChatMessage note(long chatId, String adminId, String text, Instant now) {
        return new ChatMessage(0, chatId, Sender.ADMIN, adminId, text, MessageType.NOTE, null, null, null, now, null);
    }

    /** The upload record of an attachment, which must have been uploaded to this chat. */
    UploadedFile attachment(long chatId, @Nullable Attachment attachment) {
        if (attachment == null || attachment.url() == null || attachment.url().isBlank()) {
            throw ParleyException.invalid("fileUrl is required for an attachment");
        }
        return store.files().findByChatAndUrl(chatId, attachment.url().strip())
                .orElseThrow(() -> ParleyException.invalid(
                        "fileUrl was not uploaded to this chat; upload the file first and use the url it answers"));
    }

    private static MessageType typeOf(UploadedFile file, @Nullable MessageType asked) {
        MessageType actual = file.fileType().startsWith("image/") ? MessageType.IMAGE : MessageType.FILE;
        if (asked != null && asked != MessageType.TEXT && asked != actual) {
            throw ParleyException.invalid("messageType " + asked + " does not match the uploaded file, which is "
                    + actual);
        }
        return actual;
    }

    /** The messages of a chat after the cursor (all when null), oldest first, at most 1,000. */
    List<ChatMessage> list(long chatId, @Nullable MessageCursor after) {
        Long afterId = after instanceof MessageCursor.AfterId a ? a.id() : null;
        Instant afterTime = after instanceof MessageCursor.AfterTime t ? t.time() : null;
        return store.messages().list(chatId, afterId, afterTime, MAX_READ);
    }

    static ParleyException noSuchChat(long chatId) {
        return ParleyException.notFound("chat " + chatId + " does not exist");
    }
}
