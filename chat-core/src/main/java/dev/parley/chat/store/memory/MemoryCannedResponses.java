package dev.parley.chat.store.memory;

import dev.parley.chat.CannedResponse;
import dev.parley.chat.CannedResponse.Visibility;
import dev.parley.chat.ParleyException;
import dev.parley.chat.store.CannedResponseRecords;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryCannedResponses implements CannedResponseRecords {

    private final MemoryTransactions tx;
    private final Map<Long, CannedResponse> byId = new TreeMap<>();
    private long nextId = 1;

    MemoryCannedResponses(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public CannedResponse insert(CannedResponse response) {
        return tx.inTransaction(() -> {
            requireUnique(response.withId(0));
            CannedResponse stored = response.withId(nextId++);
            tx.put(byId, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public void update(CannedResponse response) {
        tx.run(() -> {
            if (!byId.containsKey(response.id())) {
                throw ParleyException.notFound("canned response " + response.id() + " does not exist");
            }
            requireUnique(response);
            tx.put(byId, response.id(), response);
        });
    }

    @Override
    public boolean delete(long id) {
        return tx.inTransaction(() -> {
            boolean present = byId.containsKey(id);
            tx.remove(byId, id);
            return present;
        });
    }

    @Override
    public Optional<CannedResponse> find(long id) {
        return tx.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public List<CannedResponse> visibleTo(String adminId, Collection<String> departments) {
        return tx.read(() -> byId.values().stream()
                .filter(r -> switch (r.scope().visibility()) {
                    case EVERYONE -> true;
                    case DEPARTMENT -> departments.contains(r.scope().owner());
                    case ADMIN -> adminId.equals(r.scope().owner());
                })
                .sorted(Comparator.comparing(CannedResponse::shortcut).thenComparing(CannedResponse::id))
                .toList());
    }

    private void requireUnique(CannedResponse r) {
        for (CannedResponse other : byId.values()) {
            if (other.id() != r.id() && other.scope().equals(r.scope()) && other.shortcut().equals(r.shortcut())) {
                throw ParleyException.conflict(conflictMessage(r));
            }
        }
    }

    /** The message of a shortcut clash, the same in every store. */
    static String conflictMessage(CannedResponse r) {
        return "a canned response with shortcut '" + r.shortcut() + "' exists in this scope"
                + (r.scope().visibility() == Visibility.EVERYONE ? "" : " (" + r.scope().owner() + ")");
    }
}
