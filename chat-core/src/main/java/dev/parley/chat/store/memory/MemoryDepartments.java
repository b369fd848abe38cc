package dev.parley.chat.store.memory;

import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ParleyException;
import dev.parley.chat.store.DepartmentRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryDepartments implements DepartmentRecords {

    private final MemoryTransactions tx;
    private final Map<Long, ChatDepartment> byId = new TreeMap<>();
    private long nextId = 1;

    MemoryDepartments(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<ChatDepartment> list() {
        return tx.read(() -> byId.values().stream()
                .sorted(Comparator.comparingInt(ChatDepartment::sortOrder).thenComparing(ChatDepartment::name))
                .toList());
    }

    @Override
    public Optional<ChatDepartment> find(long id) {
        return tx.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<ChatDepartment> findBySlug(String slug) {
        return tx.read(() -> byId.values().stream().filter(d -> d.slug().equals(slug)).findFirst());
    }

    @Override
    public Optional<ChatDepartment> findByName(String name) {
        return tx.read(() -> byId.values().stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst());
    }

    @Override
    public ChatDepartment insert(ChatDepartment department) {
        return tx.inTransaction(() -> {
            requireUnique(department);
            ChatDepartment stored = department.withId(nextId++);
            tx.put(byId, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public void update(ChatDepartment department) {
        tx.run(() -> {
            if (!byId.containsKey(department.id())) {
                throw ParleyException.notFound("department " + department.id() + " does not exist");
            }
            requireUnique(department);
            tx.put(byId, department.id(), department);
        });
    }

    private void requireUnique(ChatDepartment d) {
        for (ChatDepartment other : byId.values()) {
            if (other.id() != d.id() && (other.slug().equals(d.slug()) || other.name().equalsIgnoreCase(d.name()))) {
                throw ParleyException.conflict("a department with slug '" + d.slug() + "' or name '" + d.name()
                        + "' exists");
            }
        }
    }

    @Override
    public void delete(long id) {
        tx.run(() -> tx.remove(byId, id));
    }
}
