package dev.parley.chat.conversation;

import dev.parley.chat.AdminMessage;
import dev.parley.chat.Attachment;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.MessageType;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.ParleyException;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.SessionIds;
import dev.parley.chat.StartChat;
import dev.parley.chat.Transcript;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.notification.NotificationRecorder;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules of chats and messages, over any {@link ChatStore}. */
public final class DefaultChatService implements ChatService {

    /** The department a chat goes to when the visitor picks none. */
    public static final String DEFAULT_DEPARTMENT = "general";

    private static final Logger log = LoggerFactory.getLogger(DefaultChatService.class);
    private static final int MAX_NAME = 100;
    private static final int MAX_COMMENT = 1_000;
    private static final int MAX_FILTER_TEXT = 200;
    private static final int MAX_READ = 1_000;

    private final ChatStore store;
    private final ParleySettings settings;
    private final Clock clock;
    private final AdminDirectory admins;
    private final PresenceTracker presence;
    private final NotificationRecorder notifications;
    private final EventBus events;
    private final SessionIds sessionIds;

    /** Creates the service; {@link Parley#builder()} wires it for hosts. */
    public DefaultChatService(ChatStore store, ParleySettings settings, Clock clock, AdminDirectory admins,
            PresenceTracker presence, NotificationRecorder notifications, EventBus events, SessionIds sessionIds) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.admins = admins;
        this.presence = presence;
        this.notifications = notifications;
        this.events = events;
        this.sessionIds = sessionIds;
    }

    @Override
    public PostedMessage startChat(StartChat request) {
        String name = Checks.requiredLine(request.visitorName(), "visitorName", MAX_NAME);
        String email = Checks.optionalEmail(request.visitorEmail(), "visitorEmail");
        String phone = Checks.optionalPhone(request.visitorPhone(), "visitorPhone");
        String text = messageText(request.message(), false);
        String slug = request.department() == null || request.department().isBlank()
                ? DEFAULT_DEPARTMENT
                : request.department().strip();
        return inTransaction(events -> {
            ChatDepartment department = activeDepartment(slug, "department");
            Instant now = clock.instant();
            boolean online = presence.anyOnline(department.slug());
            Chat chat = store.chats().insert(Chat.builder()
                    .sessionId(sessionIds.next())
                    .visitorName(name).visitorEmail(email).visitorPhone(phone)
                    .department(department.slug())
                    .status(online ? ChatStatus.ACTIVE : ChatStatus.WAITING)
                    .offlineMessage(!online)
                    .createdAt(now).updatedAt(now)
                    .build());
            ChatMessage message = store.messages().insert(new ChatMessage(0, chat.id(), Sender.VISITOR, null, text,
                    MessageType.TEXT, null, null, null, now, null));
            chat = chat.edit().analytics(chat.analytics().withVisitorMessage(now)).build();
            store.chats().update(chat);
            notifications.newChat(chat, message, department);
            events.add(new ChatEvent.ChatStarted(chat, message));
            log.info("Chat {} started in department '{}' ({})", chat.id(), chat.department(),
                    online ? "an admin is online" : "no admin online");
            log.debug("Chat {} has session id {}", chat.id(), chat.sessionId());
            return new PostedMessage(chat, message, online);
        });
    }

    @Override
    public PostedMessage postVisitorMessage(VisitorMessage request) {
        String sessionId = SessionIds.require(request.sessionId());
        MessageType type = request.messageType() == null ? MessageType.TEXT : request.messageType();
        boolean hasAttachment = request.attachment() != null;
        if (type != MessageType.TEXT && !hasAttachment) {
            throw ParleyException.invalid("messageType " + type
                    + " needs a fileUrl: upload the file to this chat first and send the url it answers");
        }
        String text = messageText(request.message(), hasAttachment);
        if (!hasAttachment) {
            Optional<PostedMessage> posted = appendWhileOnline(sessionId, text);
            if (posted.isPresent()) {
                return posted.get();
            }
        }
        return inTransaction(events -> {
            Chat chat = store.chats().lockBySessionId(sessionId).orElseThrow(SessionIds::unknown);
            requireOpen(chat);
            Instant now = clock.instant();
            UploadedFile file = hasAttachment ? attachment(chat.id(), request.attachment()) : null;
            MessageType actualType = file == null ? MessageType.TEXT : typeOf(file, request.messageType());
            boolean online = presence.anyOnline(chat.department());
            ChatMessage message = store.messages().insert(new ChatMessage(0, chat.id(), Sender.VISITOR, null, text,
                    actualType, file == null ? null : file.url(), file == null ? null : file.fileName(),
                    file == null ? null : file.fileSize(), now, null));
            Chat updated = afterVisitorMessage(chat, now, online);
            store.chats().update(updated);
            if (!online) {
                notifications.offlineMessage(updated, message, departmentEmail(updated.department()));
            }
            return posted(events, chat, updated, message, online);
        });
    }

    /**
     * The common case, a text message while an admin of the chat's department is online, through
     * {@link ChatStore#appendMessage}: the store may write it in one statement without holding the chat's lock.
     * Empty when nobody is online (the message then also records an offline notification, in a transaction) or
     * the session id is unknown.
     */
    private Optional<PostedMessage> appendWhileOnline(String sessionId, String text) {
        Chat[] read = new Chat[1];
        Optional<Append> appended = store.appendMessage(sessionId, chat -> {
            requireOpen(chat);
            if (!presence.anyOnline(chat.department())) {
                return Optional.empty();
            }
            read[0] = chat;
            Instant now = clock.instant();
            return Optional.of(new Append(afterVisitorMessage(chat, now, true), new ChatMessage(0, chat.id(),
                    Sender.VISITOR, null, text, MessageType.TEXT, null, null, null, now, null)));
        });
        if (appended.isEmpty()) {
            return Optional.empty();
        }
        List<ChatEvent> collected = new ArrayList<>();
        PostedMessage posted = posted(collected, read[0], appended.get().chat(), appended.get().message(), true);
        store.transactions().afterCommit(() -> events.publish(collected));
        return Optional.of(posted);
    }

    private static void requireOpen(Chat chat) {
        if (chat.status() == ChatStatus.CLOSED) {
            throw ParleyException.conflict("this chat is closed and takes no new messages; start a new chat");
        }
    }

    /** The chat once the visitor wrote at {@code now}: waiting for an admin, or active when one is online. */
    private static Chat afterVisitorMessage(Chat chat, Instant now, boolean online) {
        Chat.Builder next = chat.edit()
                .status(online ? ChatStatus.ACTIVE : ChatStatus.WAITING)
                .updatedAt(now)
                .analytics(chat.analytics().withVisitorMessage(now));
        if (chat.status() == ChatStatus.RESOLVED) {
            next.resolvedAt(null).resolutionTime(null);
        }
        if (!online) {
            next.offlineMessage(true);
        }
        return next.build();
    }

    private static PostedMessage posted(List<ChatEvent> events, Chat before, Chat updated, ChatMessage message,
            boolean online) {
        events.add(new ChatEvent.MessagePosted(updated, message));
        if (updated.status() != before.status()) {
            events.add(new ChatEvent.ChatUpdated(updated, before.status()));
        }
        return new PostedMessage(updated, message, online);
    }

    @Override
    public Transcript readChat(@Nullable String sessionId, @Nullable MessageCursor after) {
        String id = SessionIds.require(sessionId);
        return store.transactions().inTransaction(() -> {
            Chat chat = store.chats().findBySessionId(id).orElseThrow(SessionIds::unknown);
            store.messages().markRead(chat.id(), Sender.ADMIN, clock.instant());
            return new Transcript(chat, list(chat.id(), after));
        });
    }

    @Override
    public Chat rateChat(@Nullable String sessionId, int rating, @Nullable String comment) {
        String id = SessionIds.require(sessionId);
        Checks.between(rating, 1, 5, "rating");
        String cleanComment = Checks.optionalText(comment, "comment", MAX_COMMENT);
        return inTransaction(events -> {
            Chat chat = store.chats().lockBySessionId(id).orElseThrow(SessionIds::unknown);
            if (!chat.status().isResolved()) {
                throw ParleyException.conflict("a chat can be rated once it is RESOLVED or CLOSED; this one is "
                        + chat.status());
            }
            if (chat.rating() != null) {
                throw ParleyException.conflict("this chat was already rated; a chat takes one rating");
            }
            Chat rated = chat.edit().rating(rating).ratingComment(cleanComment).updatedAt(clock.instant()).build();
            store.chats().update(rated);
            events.add(new ChatEvent.ChatRated(rated));
            return rated;
        });
    }

    @Override
    public ChatMessage postAdminMessage(AdminMessage request) {
        String adminId = requireAdmin(request.adminId());
        MessageType type = request.messageType() == null ? MessageType.TEXT : request.messageType();
        boolean hasAttachment = request.attachment() != null;
        if (type != MessageType.TEXT && !hasAttachment) {
            throw ParleyException.invalid("messageType " + type
                    + " needs a fileUrl: upload the file to this chat first and send the url it answers");
        }
        String text = messageText(request.message(), hasAttachment);
        return inTransaction(events -> {
            Chat chat = store.chats().lock(request.chatId()).orElseThrow(() -> noSuchChat(request.chatId()));
            if (chat.status() == ChatStatus.CLOSED) {
                throw ParleyException.conflict("chat " + chat.id() + " is closed and takes no new messages");
            }
            Instant now = clock.instant();
            UploadedFile file = hasAttachment ? attachment(chat.id(), request.attachment()) : null;
            ChatMessage message = store.messages().insert(new ChatMessage(0, chat.id(), Sender.ADMIN, adminId, text,
                    file == null ? MessageType.TEXT : typeOf(file, request.messageType()),
                    file == null ? null : file.url(), file == null ? null : file.fileName(),
                    file == null ? null : file.fileSize(), now, null));
            Chat.Builder next = chat.edit()
                    .status(ChatStatus.ACTIVE)
                    .updatedAt(now)
                    .analytics(chat.analytics().withAdminMessage(now));
            if (chat.status() == ChatStatus.RESOLVED) {
                next.resolvedAt(null).resolutionTime(null);
            }
            if (chat.firstResponseAt() == null) {
                next.firstResponseAt(now).responseTime(Chat.seconds(chat.createdAt(), now));
            }
            Chat updated = next.build();
            store.chats().update(updated);
            events.add(new ChatEvent.MessagePosted(updated, message));
            if (updated.status() != chat.status()) {
                events.add(new ChatEvent.ChatUpdated(updated, chat.status()));
            }
            return message;
        });
    }

    @Override
    public Chat updateChat(ChatUpdate update) {
        if (update.status() == null && update.department() == null && update.assignedTo() == null
                && !update.unassign()) {
            throw ParleyException.invalid("nothing to update: give status, department, assignedTo or unassign");
        }
        String assignee = update.assignedTo() == null ? null : requireAssignee(update.assignedTo());
        return inTransaction(events -> {
            Chat chat = store.chats().lock(update.chatId()).orElseThrow(() -> noSuchChat(update.chatId()));
            Instant now = clock.instant();
            Chat.Builder next = chat.edit().updatedAt(now);
            if (update.status() != null && update.status() != chat.status()) {
                if (!chat.status().canMoveTo(update.status())) {
                    throw ParleyException.conflict("chat " + chat.id() + " is " + chat.status()
                            + " and cannot become " + update.status() + "; allowed: " + chat.status().successors());
                }
                next.status(update.status());
                if (update.status().isResolved() && chat.resolvedAt() == null) {
                    next.resolvedAt(now).resolutionTime(Chat.seconds(chat.createdAt(), now));
                } else if (update.status().isOpen()) {
                    next.resolvedAt(null).resolutionTime(null);
                }
            }
            if (update.department() != null) {
                next.department(activeDepartment(update.department().strip(), "department").slug());
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

    @Override
    public Chat getChat(long chatId) {
        return store.chats().find(chatId).orElseThrow(() -> noSuchChat(chatId));
    }

    @Override
    public List<ChatMessage> messages(long chatId, @Nullable MessageCursor after) {
        return store.transactions().inTransaction(() -> {
            Chat chat = getChat(chatId);
            store.messages().markRead(chat.id(), Sender.VISITOR, clock.instant());
            return list(chat.id(), after);
        });
    }

    @Override
    public Page<ChatSummary> listChats(ChatFilter filter, PageRequest page) {
        ChatFilter clean = new ChatFilter(filter.status(),
                Checks.optionalLine(filter.department(), "department", 50),
                Checks.optionalLine(filter.assignedTo(), "assignedTo", 200),
                filter.rating() == null ? null : Checks.between(filter.rating(), 1, 5, "rating"),
                Checks.optionalLine(filter.text(), "text", MAX_FILTER_TEXT));
        return store.chats().list(clean, page);
    }

    private List<ChatMessage> list(long chatId, @Nullable MessageCursor after) {
        Long afterId = after instanceof MessageCursor.AfterId a ? a.id() : null;
        Instant afterTime = after instanceof MessageCursor.AfterTime t ? t.time() : null;
        return store.messages().list(chatId, afterId, afterTime, MAX_READ);
    }

    /** Runs the work in a transaction and publishes the events it collected once that is committed. */
    private <T> T inTransaction(Function<List<ChatEvent>, T> work) {
        List<ChatEvent> collected = new ArrayList<>();
        T result = store.transactions().inTransaction(() -> {
            collected.clear();
            return work.apply(collected);
        });
        store.transactions().afterCommit(() -> events.publish(collected));
        return result;
    }

    private String messageText(@Nullable String message, boolean hasAttachment) {
        String text = Checks.optionalText(message, "message", settings.maxMessageLength());
        if (text == null && !hasAttachment) {
            throw ParleyException.invalid("message is required");
        }
        return text == null ? "" : text;
    }

    private String requireAdmin(@Nullable String adminId) {
        if (adminId == null || adminId.isBlank()) {
            throw new ParleyException(ErrorCode.UNAUTHENTICATED, "an admin id is required");
        }
        if (admins.find(adminId).isEmpty()) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "'" + adminId + "' is not an admin of this application");
        }
        return adminId;
    }

    private String requireAssignee(String adminId) {
        String id = adminId.strip();
        if (admins.find(id).isEmpty()) {
            throw ParleyException.invalid("assignedTo '" + id + "' is not an admin; known: "
                    + admins.all().stream().map(a -> a.id()).toList());
        }
        return id;
    }

    private ChatDepartment activeDepartment(String slug, String field) {
        ChatDepartment d = store.departments().findBySlug(slug).orElse(null);
        if (d == null || !d.active()) {
            List<String> known = store.departments().list().stream()
                    .filter(ChatDepartment::active).map(ChatDepartment::slug).toList();
            throw ParleyException.invalid(field + " '" + slug + "' " + (d == null ? "does not exist" : "is inactive")
                    + "; choose one of " + known);
        }
        return d;
    }

    private @Nullable String departmentEmail(String slug) {
        return store.departments().findBySlug(slug).map(ChatDepartment::email).orElse(null);
    }

    private UploadedFile attachment(long chatId, @Nullable Attachment attachment) {
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

    private static ParleyException noSuchChat(long chatId) {
        return ParleyException.notFound("chat " + chatId + " does not exist");
    }
}
