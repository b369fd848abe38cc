package dev.parley.chat.store.memory;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.store.MessageRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

final class MemoryMessages implements MessageRecords {

    private final MemoryTransactions tx;
    private final Map<Long, List<ChatMessage>> byChat = new HashMap<>();
    private long nextId = 1;

    MemoryMessages(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public ChatMessage insert(ChatMessage message) {
        return tx.inTransaction(() -> {
            ChatMessage stored = message.withId(nextId++);
            List<ChatMessage> list = byChat.computeIfAbsent(stored.chatId(), k -> new ArrayList<>());
            list.add(stored);
            tx.remember(() -> list.remove(list.size() - 1));
            return stored;
        });
    }

    @Override
    public List<ChatMessage> list(long chatId, @Nullable Long afterId, @Nullable Instant afterTime, int limit) {
        return tx.read(() -> byChat.getOrDefault(chatId, List.of()).stream()
                .filter(m -> afterId == null || m.id() > afterId)
                .filter(m -> afterTime == null || m.createdAt().isAfter(afterTime))
                .limit(limit)
                .toList());
    }

    @Override
    public long count(long chatId) {
        return tx.read(() -> (long) byChat.getOrDefault(chatId, List.of()).size());
    }

    @Override
    public int markRead(long chatId, Sender from, Instant at) {
        return tx.inTransaction(() -> {
            List<ChatMessage> list = byChat.getOrDefault(chatId, List.of());
            int marked = 0;
            for (int i = 0; i < list.size(); i++) {
                ChatMessage m = list.get(i);
                if (m.sender() == from && m.readAt() == null) {
                    int index = i;
                    list.set(i, new ChatMessage(m.id(), m.chatId(), m.sender(), m.senderId(), m.message(),
                            m.messageType(), m.fileUrl(), m.fileName(), m.fileSize(), m.createdAt(), at));
                    tx.remember(() -> list.set(index, m));
                    marked++;
                }
            }
            return marked;
        });
    }

    /** The latest message of a chat. Call under the lock. */
    @Nullable ChatMessage last(long chatId) {
        List<ChatMessage> list = byChat.get(chatId);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    /** Whether any message of the chat contains the lower-case needle. Call under the lock. */
    boolean anyContains(long chatId, String needle) {
        return byChat.getOrDefault(chatId, List.of()).stream()
                .anyMatch(m -> m.message().toLowerCase(Locale.ROOT).contains(needle));
    }
}
