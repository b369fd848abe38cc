package dev.parley.chat.store.memory;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.ParleyException;
import dev.parley.chat.store.ChatRecords;
import dev.parley.chat.store.OutboxRecords;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

final class MemoryChats implements ChatRecords {

    private final MemoryTransactions tx;
    private final MemoryMessages messages;
    private final Map<Long, Chat> byId = new TreeMap<>();
    private final Map<String, Long> bySession = new HashMap<>();
    private long nextId = 1;

    MemoryChats(MemoryTransactions tx, MemoryMessages messages) {
        this.tx = tx;
        this.messages = messages;
    }

    @Override
    public Chat insert(Chat chat) {
        return tx.inTransaction(() -> {
            if (bySession.containsKey(chat.sessionId())) {
                throw ParleyException.conflict("a chat with this session id exists");
            }
            Chat stored = chat.edit().id(nextId++).build();
            tx.put(byId, stored.id(), stored);
            tx.put(bySession, stored.sessionId(), stored.id());
            return stored;
        });
    }

    @Override
    public void update(Chat chat) {
        tx.run(() -> {
            if (!byId.containsKey(chat.id())) {
                throw ParleyException.notFound("chat " + chat.id() + " does not exist");
            }
            tx.put(byId, chat.id(), chat);
        });
    }

    @Override
    public Optional<Chat> find(long id) {
        return tx.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<Chat> findBySessionId(String sessionId) {
        return tx.read(() -> Optional.ofNullable(bySession.get(sessionId)).map(byId::get));
    }

    @Override
    public Optional<Chat> lock(long id) {
        return find(id);
    }

    @Override
    public Optional<Chat> lockBySessionId(String sessionId) {
        return findBySessionId(sessionId);
    }

    @Override
    public Page<ChatSummary> list(ChatFilter filter, PageRequest page) {
        return tx.read(() -> {
            List<Chat> matching = byId.values().stream()
                    .filter(matches(filter))
                    .sorted(Comparator.comparing(Chat::updatedAt).thenComparingLong(Chat::id).reversed())
                    .toList();
            List<ChatSummary> items = matching.stream()
                    .skip(page.offset())
                    .limit(page.size())
                    .map(c -> new ChatSummary(c, messages.last(c.id())))
                    .toList();
            return new Page<>(items, page.page(), page.size(), matching.size());
        });
    }

    private Predicate<Chat> matches(ChatFilter f) {
        String text = f.text() == null ? null : f.text().toLowerCase(Locale.ROOT);
        return c -> (f.status() == null || c.status() == f.status())
                && (f.department() == null || c.department().equals(f.department()))
                && (f.assignedTo() == null || f.assignedTo().equals(c.assignedTo()))
                && (f.rating() == null || f.rating().equals(c.rating()))
                && (text == null || containsText(c, text));
    }

    private boolean containsText(Chat c, String text) {
        return c.visitorName().toLowerCase(Locale.ROOT).contains(text)
                || (c.visitorEmail() != null && c.visitorEmail().toLowerCase(Locale.ROOT).contains(text))
                || messages.anyContains(c.id(), text);
    }

    @Override
    public List<Chat> findByStatus(ChatStatus status, @Nullable String department) {
        return tx.read(() -> byId.values().stream()
                .filter(c -> c.status() == status && (department == null || c.department().equals(department)))
                .sorted(Comparator.comparing(Chat::createdAt).thenComparingLong(Chat::id))
                .toList());
    }

    @Override
    public long countByDepartment(String slug) {
        return tx.read(() -> byId.values().stream().filter(c -> c.department().equals(slug)).count());
    }

    @Override
    public int moveDepartment(String fromSlug, String toSlug) {
        return tx.inTransaction(() -> {
            List<Chat> moving = byId.values().stream().filter(c -> c.department().equals(fromSlug)).toList();
            moving.forEach(c -> tx.put(byId, c.id(), c.edit().department(toSlug).build()));
            return moving.size();
        });
    }

    /** Sets a delivery flag on the chat, if it exists. Call inside {@link MemoryTransactions#inTransaction}. */
    void flag(long id, OutboxRecords.ChatFlag flag) {
        Chat c = byId.get(id);
        if (c != null) {
            tx.put(byId, id, flag == OutboxRecords.ChatFlag.EMAIL_NOTIFICATION_SENT
                    ? c.edit().emailNotificationSent(true).build()
                    : c.edit().offlineNotificationSent(true).build());
        }
    }

    /** Every chat, for the analytics queries. Call under the lock. */
    Iterable<Chat> all() {
        return byId.values();
    }
}
