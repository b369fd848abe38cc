package dev.parley.chat.store.memory;

import dev.parley.chat.UploadedFile;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.store.FileRecords;
import dev.parley.chat.store.MessageRecords;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryFiles implements FileRecords {

    private final MemoryTransactions tx;
    private final MessageRecords messages;
    private final Map<Long, UploadedFile> byId = new TreeMap<>();
    private long nextId = 1;

    MemoryFiles(MemoryTransactions tx, MessageRecords messages) {
        this.tx = tx;
        this.messages = messages;
    }

    @Override
    public UploadedFile insert(UploadedFile file) {
        return tx.inTransaction(() -> {
            UploadedFile stored = file.withId(nextId++);
            tx.put(byId, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public Optional<UploadedFile> findByChatAndUrl(long chatId, String url) {
        return tx.read(() -> byId.values().stream()
                .filter(f -> f.chatId() == chatId && f.url().equals(url))
                .findFirst());
    }

    @Override
    public long countByChat(long chatId) {
        return tx.read(() -> byId.values().stream().filter(f -> f.chatId() == chatId).count());
    }

    @Override
    public long totalBytes() {
        return tx.read(() -> byId.values().stream().mapToLong(UploadedFile::fileSize).sum());
    }

    @Override
    public List<UploadedFile> findUnattachedBefore(Instant before, int limit) {
        return tx.read(() -> byId.values().stream()
                .filter(f -> f.createdAt().isBefore(before) && !attached(f))
                .sorted(Comparator.comparing(UploadedFile::createdAt).thenComparing(UploadedFile::id))
                .limit(limit).toList());
    }

    @Override
    public boolean deleteIfUnattached(long id) {
        return tx.inTransaction(() -> {
            UploadedFile f = byId.get(id);
            if (f == null || attached(f)) {
                return false;
            }
            tx.remove(byId, id);
            return true;
        });
    }

    private boolean attached(UploadedFile f) {
        return messages.list(f.chatId(), null, null, Integer.MAX_VALUE).stream().map(ChatMessage::fileUrl)
                .anyMatch(f.url()::equals);
    }
}
