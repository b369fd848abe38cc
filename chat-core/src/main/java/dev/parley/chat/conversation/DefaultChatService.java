package dev.parley.chat.conversation;

import dev.parley.chat.AdminMessage;
import dev.parley.chat.AssignmentTrigger;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatNote;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.ChatTransfer;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.SessionIds;
import dev.parley.chat.StartChat;
import dev.parley.chat.Transcript;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.notification.NotificationRecorder;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules of chats and messages, over any {@link ChatStore}: what visitors do ({@link VisitorSide}), what admins
 * do ({@link AdminSide}), transfers ({@link Transfers}) and the admins' reads; how a chat's status moves is {@link Chat}'s.
 */
public final class DefaultChatService implements ChatService {

    private static final int MAX_FILTER_TEXT = 200;

    private final Conversations conversations;
    private final VisitorSide visitors;
    private final AdminSide admins;
    private final Transfers transfers;

    /**
     * Creates the service; {@code dev.parley.Parley#builder()} wires it for hosts. {@code trigger} hears of chats a
     * transfer left unassigned.
     */
    public DefaultChatService(ChatStore store, ParleySettings settings, Clock clock, AdminDirectory admins,
            PresenceTracker presence, NotificationRecorder notifications, EventBus events, SessionIds sessionIds,
            AssignmentTrigger trigger) {
        this.conversations = new Conversations(store, settings, clock, events);
        this.visitors = new VisitorSide(conversations, presence, notifications, sessionIds);
        this.admins = new AdminSide(conversations, admins);
        this.transfers = new Transfers(conversations, admins, trigger);
    }

    @Override
    public PostedMessage startChat(StartChat request) {
        return visitors.startChat(request);
    }

    @Override
    public PostedMessage postVisitorMessage(VisitorMessage request) {
        return visitors.postMessage(request);
    }

    @Override
    public Transcript readChat(@Nullable String sessionId, @Nullable MessageCursor after) {
        return visitors.readChat(sessionId, after);
    }

    @Override
    public Chat rateChat(@Nullable String sessionId, int rating, @Nullable String comment) {
        return visitors.rateChat(sessionId, rating, comment);
    }

    @Override
    public ChatMessage postAdminMessage(AdminMessage request) {
        return admins.postMessage(request);
    }

    @Override
    public Chat updateChat(ChatUpdate update) {
        return admins.updateChat(update);
    }

    @Override
    public ChatMessage addNote(ChatNote note) {
        return admins.addNote(note);
    }

    @Override
    public Chat transferChat(ChatTransfer transfer) {
        return transfers.transfer(transfer);
    }

    @Override
    public Chat getChat(long chatId) {
        return conversations.store.chats().find(chatId).orElseThrow(() -> Conversations.noSuchChat(chatId));
    }

    @Override
    public List<ChatMessage> messages(long chatId, @Nullable MessageCursor after) {
        return conversations.store.transactions().inTransaction(() -> {
            Chat chat = getChat(chatId);
            conversations.store.messages().markRead(chat.id(), Sender.VISITOR, conversations.clock.instant());
            return conversations.list(chat.id(), after);
        });
    }

    @Override
    public Page<ChatSummary> listChats(ChatFilter filter, PageRequest page) {
        ChatFilter clean = new ChatFilter(filter.status(),
                Checks.optionalLine(filter.department(), "department", 50),
                Checks.optionalLine(filter.assignedTo(), "assignedTo", 200),
                filter.rating() == null ? null : Checks.between(filter.rating(), 1, 5, "rating"),
                Checks.optionalLine(filter.text(), "text", MAX_FILTER_TEXT));
        return conversations.store.chats().list(clean, page);
    }
}
