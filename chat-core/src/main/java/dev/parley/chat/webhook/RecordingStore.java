package dev.parley.chat.webhook;

import static dev.parley.chat.WebhookEventType.CHAT_RATED;
import static dev.parley.chat.WebhookEventType.CHAT_STARTED;
import static dev.parley.chat.WebhookEventType.CHAT_UPDATED;
import static dev.parley.chat.WebhookEventType.MESSAGE_CREATED;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.Sender;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.ArticleRecords;
import dev.parley.chat.store.AssignmentRecords;
import dev.parley.chat.store.CannedResponseRecords;
import dev.parley.chat.store.ChatRecords;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.DepartmentRecords;
import dev.parley.chat.store.EventRecords;
import dev.parley.chat.store.FileRecords;
import dev.parley.chat.store.HoursRecords;
import dev.parley.chat.store.MessageRecords;
import dev.parley.chat.store.OutboxRecords;
import dev.parley.chat.store.PresenceRecords;
import dev.parley.chat.store.Transactions;
import dev.parley.chat.store.WebhookRecords;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A store that records webhooks in the transaction of each chat and message write it passes on. Writes join the
 * caller's transaction (the services always open one); a write made outside one is wrapped in its own, so the event
 * and the change are stored together or not at all.
 */
final class RecordingStore implements ChatStore {

    private final ChatStore store;
    private final WebhookRecorder recorder;
    private final ChatRecords chats;
    private final MessageRecords messages;
    private final EventRecords events;

    RecordingStore(ChatStore store, WebhookRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
        this.chats = new Chats();
        this.messages = new Messages();
        this.events = new TransferRecordingEvents(store, recorder);
    }

    /**
     * When an endpoint wants message or chat events, appends through the locking default so that the event is
     * written with the message; otherwise lets the store take its fastest path.
     */
    @Override
    public Optional<Append> appendMessage(String sessionId, Function<Chat, Optional<Append>> next) {
        if (recorder.anyWants(MESSAGE_CREATED, CHAT_UPDATED)) {
            return ChatStore.super.appendMessage(sessionId, next);
        }
        return store.appendMessage(sessionId, next);
    }

    @Override
    public Optional<Append> appendMessage(String sessionId, Function<Chat, Optional<Append>> next,
            Function<Append, List<EventRecords.Draft>> events) {
        if (recorder.anyWants(MESSAGE_CREATED, CHAT_UPDATED)) {
            return ChatStore.super.appendMessage(sessionId, next, events);
        }
        return store.appendMessage(sessionId, next, events);
    }

    @Override
    public EventRecords events() {
        return events;
    }

    private final class Chats implements ChatRecords {
        private final ChatRecords c = store.chats();

        @Override
        public Chat insert(Chat chat) {
            return store.transactions().inTransaction(() -> {
                Chat stored = c.insert(chat);
                recorder.record(CHAT_STARTED, Map.of("chat", Payloads.chat(stored)));
                return stored;
            });
        }

        @Override
        public void update(Chat chat) {
            if (!recorder.anyWants(CHAT_UPDATED, CHAT_RATED)) {
                c.update(chat);
                return;
            }
            store.transactions().run(() -> {
                Chat before = c.find(chat.id()).orElse(null);
                c.update(chat);
                if (before == null) {
                    return;
                }
                if (before.status() != chat.status() || !before.department().equals(chat.department())
                        || !Objects.equals(before.assignedTo(), chat.assignedTo())) {
                    Map<String, Object> previous = new LinkedHashMap<>();
                    previous.put("status", before.status().name());
                    previous.put("department", before.department());
                    previous.put("assignedTo", before.assignedTo());
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("chat", Payloads.chat(chat));
                    data.put("previous", previous);
                    recorder.record(CHAT_UPDATED, data);
                }
                if (before.rating() == null && chat.rating() != null) {
                    recorder.record(CHAT_RATED, Map.of("chat", Payloads.chat(chat)));
                }
            });
        }

        @Override
        public Optional<Chat> find(long id) {
            return c.find(id);
        }

        @Override
        public Optional<Chat> findBySessionId(String sessionId) {
            return c.findBySessionId(sessionId);
        }

        @Override
        public Optional<Chat> lock(long id) {
            return c.lock(id);
        }

        @Override
        public Optional<Chat> lockBySessionId(String sessionId) {
            return c.lockBySessionId(sessionId);
        }

        @Override
        public Page<ChatSummary> list(ChatFilter filter, PageRequest page) {
            return c.list(filter, page);
        }

        @Override
        public List<Chat> findByStatus(ChatStatus status, @Nullable String department) {
            return c.findByStatus(status, department);
        }

        @Override
        public long countByDepartment(String slug) {
            return c.countByDepartment(slug);
        }

        @Override
        public int moveDepartment(String fromSlug, String toSlug) {
            return c.moveDepartment(fromSlug, toSlug);
        }
    }

    private final class Messages implements MessageRecords {
        private final MessageRecords m = store.messages();

        @Override
        public ChatMessage insert(ChatMessage message) {
            return store.transactions().inTransaction(() -> {
                ChatMessage stored = m.insert(message);
                if (recorder.anyWants(MESSAGE_CREATED)) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("message", Payloads.message(stored));
                    store.chats().find(stored.chatId()).ifPresent(chat -> data.put("chat", Payloads.chat(chat)));
                    recorder.record(MESSAGE_CREATED, data);
                }
                return stored;
            });
        }

        @Override
        public List<ChatMessage> list(long chatId, @Nullable Long afterId, @Nullable Instant afterTime, int limit) {
            return m.list(chatId, afterId, afterTime, limit);
        }

        @Override
        public long count(long chatId) {
            return m.count(chatId);
        }

        @Override
        public int markRead(long chatId, Sender from, Instant at) {
            return m.markRead(chatId, from, at);
        }
    }

    @Override
    public Transactions transactions() {
        return store.transactions();
    }

    @Override
    public ChatRecords chats() {
        return chats;
    }

    @Override
    public MessageRecords messages() {
        return messages;
    }

    @Override
    public DepartmentRecords departments() {
        return store.departments();
    }

    @Override
    public ArticleRecords articles() {
        return store.articles();
    }

    @Override
    public PresenceRecords presence() {
        return store.presence();
    }

    @Override
    public OutboxRecords outbox() {
        return store.outbox();
    }

    @Override
    public FileRecords files() {
        return store.files();
    }

    @Override
    public AnalyticsQueries analytics() {
        return store.analytics();
    }

    @Override
    public HoursRecords hours() {
        return store.hours();
    }

    @Override
    public WebhookRecords webhooks() {
        return store.webhooks();
    }

    @Override
    public CannedResponseRecords cannedResponses() {
        return store.cannedResponses();
    }

    @Override
    public AssignmentRecords assignment() {
        return store.assignment();
    }
}
