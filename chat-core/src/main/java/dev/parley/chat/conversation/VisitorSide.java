package dev.parley.chat.conversation;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.ParleyException;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.SessionIds;
import dev.parley.chat.StartChat;
import dev.parley.chat.Transcript;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.notification.NotificationRecorder;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.ChatStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a visitor does, known by the chat's session id: start a chat, write, read it, rate it. */
final class VisitorSide {

    private static final Logger log = LoggerFactory.getLogger(VisitorSide.class);
    private static final int MAX_NAME = 100;
    private static final int MAX_COMMENT = 1_000;

    private final Conversations conversations;
    private final ChatStore store;
    private final PresenceTracker presence;
    private final NotificationRecorder notifications;
    private final SessionIds sessionIds;

    VisitorSide(Conversations conversations, PresenceTracker presence, NotificationRecorder notifications,
            SessionIds sessionIds) {
        this.conversations = conversations;
        this.store = conversations.store;
        this.presence = presence;
        this.notifications = notifications;
        this.sessionIds = sessionIds;
    }

    PostedMessage startChat(StartChat request) {
        String name = Checks.requiredLine(request.visitorName(), "visitorName", MAX_NAME);
        String email = Checks.optionalEmail(request.visitorEmail(), "visitorEmail");
        String phone = Checks.optionalPhone(request.visitorPhone(), "visitorPhone");
        String text = conversations.messageText(null, request.message(), false);
        String slug = request.department() == null || request.department().isBlank()
                ? ChatDepartment.DEFAULT_SLUG
                : request.department().strip();
        return conversations.inTransaction(events -> {
            ChatDepartment department = conversations.activeDepartment(slug);
            Instant now = conversations.clock.instant();
            boolean online = presence.anyOnline(department.slug());
            Chat chat = store.chats().insert(Chat.builder()
                    .sessionId(sessionIds.next())
                    .visitorName(name).visitorEmail(email).visitorPhone(phone)
                    .visitorEmailReplies(email != null && request.emailReplies())
                    .department(department.slug())
                    .status(online ? ChatStatus.ACTIVE : ChatStatus.WAITING)
                    .offlineMessage(!online)
                    .createdAt(now).updatedAt(now)
                    .build());
            ChatMessage message = store.messages().insert(
                    conversations.newMessage(chat.id(), Sender.VISITOR, null, text, null, null, now));
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

    PostedMessage postMessage(VisitorMessage request) {
        String sessionId = SessionIds.require(request.sessionId());
        boolean hasAttachment = request.attachment() != null;
        String text = conversations.messageText(request.messageType(), request.message(), hasAttachment);
        if (!hasAttachment) {
            Optional<PostedMessage> posted = appendWhileOnline(sessionId, text);
            if (posted.isPresent()) {
                return posted.get();
            }
        }
        return conversations.inTransaction(events -> {
            Chat chat = store.chats().lockBySessionId(sessionId).orElseThrow(SessionIds::unknown);
            Instant now = conversations.clock.instant();
            boolean online = presence.anyOnline(chat.department());
            Chat updated = chat.afterVisitorMessage(now, online);
            UploadedFile file = hasAttachment ? conversations.attachment(chat.id(), request.attachment()) : null;
            ChatMessage message = store.messages().insert(conversations.newMessage(chat.id(), Sender.VISITOR, null,
                    text, file, request.messageType(), now));
            store.chats().update(updated);
            if (!online) {
                notifications.offlineMessage(updated, message, conversations.departmentEmail(updated.department()));
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
            if (!presence.anyOnline(chat.department())) {
                return Optional.empty();
            }
            read[0] = chat;
            Instant now = conversations.clock.instant();
            return Optional.of(new Append(chat.afterVisitorMessage(now, true),
                    conversations.newMessage(chat.id(), Sender.VISITOR, null, text, null, null, now)));
        }, a -> conversations.drafts(eventsOf(read[0], a)));
        if (appended.isEmpty()) {
            return Optional.empty();
        }
        List<ChatEvent> collected = new ArrayList<>();
        PostedMessage posted = posted(collected, read[0], appended.get().chat(), appended.get().message(), true);
        conversations.publishAfterCommit(collected);
        return Optional.of(posted);
    }

    /** The events of a stored append, for the event log. */
    private static List<ChatEvent> eventsOf(Chat before, Append stored) {
        List<ChatEvent> events = new ArrayList<>();
        posted(events, before, stored.chat(), stored.message(), true);
        return events;
    }

    private static PostedMessage posted(List<ChatEvent> events, Chat before, Chat updated, ChatMessage message,
            boolean online) {
        events.add(new ChatEvent.MessagePosted(updated, message));
        if (updated.status() != before.status()) {
            events.add(new ChatEvent.ChatUpdated(updated, before.status()));
        }
        return new PostedMessage(updated, message, online);
    }

    Transcript readChat(@Nullable String sessionId, @Nullable MessageCursor after) {
        String id = SessionIds.require(sessionId);
        return store.transactions().inTransaction(() -> {
            Chat chat = store.chats().findBySessionId(id).orElseThrow(SessionIds::unknown);
            store.messages().markRead(chat.id(), Sender.ADMIN, conversations.clock.instant());
            return new Transcript(chat, conversations.list(chat.id(), after).stream()
                    .filter(m -> m.messageType().visibleToVisitor()).toList());
        });
    }

    Chat rateChat(@Nullable String sessionId, int rating, @Nullable String comment) {
        String id = SessionIds.require(sessionId);
        Checks.between(rating, 1, 5, "rating");
        String cleanComment = Checks.optionalText(comment, "comment", MAX_COMMENT);
        return conversations.inTransaction(events -> {
            Chat chat = store.chats().lockBySessionId(id).orElseThrow(SessionIds::unknown);
            if (!chat.status().isResolved()) {
                throw ParleyException.conflict("a chat can be rated once it is RESOLVED or CLOSED; this one is "
                        + chat.status());
            }
            if (chat.rating() != null) {
                throw ParleyException.conflict("this chat was already rated; a chat takes one rating");
            }
            Chat rated = chat.edit().rating(rating).ratingComment(cleanComment)
                    .updatedAt(conversations.clock.instant()).build();
            store.chats().update(rated);
            events.add(new ChatEvent.ChatRated(rated));
            return rated;
        });
    }
}
