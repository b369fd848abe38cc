package dev.parley.chat.store.memory;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.store.PresenceRecords;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryPresence implements PresenceRecords {

    private final MemoryTransactions tx;
    private final Map<String, AdminPresence> byUser = new HashMap<>();

    MemoryPresence(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void upsert(AdminPresence presence) {
        tx.run(() -> tx.put(byUser, presence.userId(), presence));
    }

    @Override
    public boolean refresh(AdminPresence presence, Instant seenAfter) {
        return tx.inTransaction(() -> {
            AdminPresence before = byUser.get(presence.userId());
            if (!presence.online() || before == null || !before.online() || !before.lastSeenAt().isAfter(seenAfter)
                    || !Objects.equals(before.department(), presence.department())) {
                return false;
            }
            tx.put(byUser, presence.userId(), presence);
            return true;
        });
    }

    @Override
    public Optional<AdminPresence> find(String userId) {
        return tx.read(() -> Optional.ofNullable(byUser.get(userId)));
    }

    @Override
    public List<AdminPresence> onlineSeenAfter(Instant seenAfter) {
        return tx.read(() -> byUser.values().stream()
                .filter(p -> p.online() && p.lastSeenAt().isAfter(seenAfter))
                .toList());
    }
}
