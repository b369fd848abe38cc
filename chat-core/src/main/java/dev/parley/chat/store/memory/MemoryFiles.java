package dev.parley.chat.store.memory;

import dev.parley.chat.UploadedFile;
import dev.parley.chat.store.FileRecords;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryFiles implements FileRecords {

    private final MemoryTransactions tx;
    private final Map<Long, UploadedFile> byId = new TreeMap<>();
    private long nextId = 1;

    MemoryFiles(MemoryTransactions tx) {
        this.tx = tx;
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
}
