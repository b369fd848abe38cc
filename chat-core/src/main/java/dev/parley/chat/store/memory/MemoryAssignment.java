package dev.parley.chat.store.memory;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.store.AssignmentRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Assignment state in memory. Modes are kept by department id, so they follow a department whose slug changes; the
 * store's one transaction lock stands in for the row locks.
 */
final class MemoryAssignment implements AssignmentRecords {

    private static final Comparator<Chat> ARRIVAL = Comparator.comparing(Chat::createdAt).thenComparingLong(Chat::id);

    private final MemoryTransactions tx;
    private final MemoryChats chats;
    private final MemoryDepartments departments;
    private final Map<Long, AssignmentMode> modes = new HashMap<>();
    private final Map<String, Integer> capacities = new HashMap<>();
    private final Map<String, Instant> lastAssigned = new HashMap<>();

    MemoryAssignment(MemoryTransactions tx, MemoryChats chats, MemoryDepartments departments) {
        this.tx = tx;
        this.chats = chats;
        this.departments = departments;
    }

    @Override
    public AssignmentMode mode(String department) {
        return tx.read(() -> departments.findBySlug(department)
                .map(d -> modes.getOrDefault(d.id(), AssignmentMode.MANUAL)).orElse(AssignmentMode.MANUAL));
    }

    @Override
    public boolean setMode(String department, AssignmentMode mode) {
        return tx.inTransaction(() -> {
            Optional<ChatDepartment> d = departments.findBySlug(department);
            d.ifPresent(found -> tx.put(modes, found.id(), mode));
            return d.isPresent();
        });
    }

    @Override
    public List<String> automaticDepartments() {
        return tx.read(() -> departments.list().stream()
                .filter(d -> modes.getOrDefault(d.id(), AssignmentMode.MANUAL).automatic())
                .map(ChatDepartment::slug).toList());
    }

    @Override
    public AssignmentMode lockQueue(String department) {
        return tx.inTransaction(() -> mode(department));
    }

    @Override
    public List<Chat> queue(String department, int limit) {
        return tx.read(() -> queued(department).limit(limit).toList());
    }

    @Override
    public long queuedBefore(Chat chat) {
        return tx.read(() -> queued(chat.department()).filter(c -> ARRIVAL.compare(c, chat) < 0).count());
    }

    private Stream<Chat> queued(String department) {
        List<Chat> found = new ArrayList<>();
        for (Chat c : chats.all()) {
            if (c.department().equals(department) && c.assignedTo() == null && c.status().isOpen()) {
                found.add(c);
            }
        }
        return found.stream().sorted(ARRIVAL);
    }

    @Override
    public List<Agent> lockAgents(Collection<String> adminIds) {
        return tx.inTransaction(() -> {
            Map<String, Integer> open = new HashMap<>();
            for (Chat c : chats.all()) {
                if (c.assignedTo() != null && c.status().isOpen()) {
                    open.merge(c.assignedTo(), 1, Integer::sum);
                }
            }
            List<Agent> agents = new ArrayList<>();
            for (String id : new TreeSet<>(adminIds)) {
                agents.add(new Agent(id, open.getOrDefault(id, 0), capacities.get(id), lastAssigned.get(id)));
            }
            return agents;
        });
    }

    @Override
    public void assigned(String adminId, Instant at) {
        tx.run(() -> tx.put(lastAssigned, adminId, at));
    }

    @Override
    public Map<String, Integer> capacities() {
        return tx.read(() -> Map.copyOf(capacities));
    }

    @Override
    public void setCapacity(String adminId, @Nullable Integer capacity) {
        tx.run(() -> {
            if (capacity == null) {
                tx.remove(capacities, adminId);
            } else {
                tx.put(capacities, adminId, capacity);
            }
        });
    }

    @Override
    public List<Chat> assignedUnanswered(int limit) {
        return tx.read(() -> {
            List<Chat> found = new ArrayList<>();
            for (Chat c : chats.all()) {
                if (c.assignedTo() != null && c.status().isOpen() && c.firstResponseAt() == null) {
                    found.add(c);
                }
            }
            return found.stream().sorted(ARRIVAL).limit(limit).toList();
        });
    }
}
