package dev.parley.chat.store.memory;

import dev.parley.chat.hours.BusinessHours;
import dev.parley.chat.store.HoursRecords;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class MemoryHours implements HoursRecords {

    private final MemoryTransactions tx;
    private final Map<Long, BusinessHours> byDepartment = new HashMap<>();

    MemoryHours(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<BusinessHours> find(long departmentId) {
        return tx.read(() -> Optional.ofNullable(byDepartment.get(departmentId)));
    }

    @Override
    public void put(long departmentId, BusinessHours hours) {
        tx.run(() -> tx.put(byDepartment, departmentId, hours));
    }

    @Override
    public boolean remove(long departmentId) {
        return tx.inTransaction(() -> {
            boolean present = byDepartment.containsKey(departmentId);
            tx.remove(byDepartment, departmentId);
            return present;
        });
    }
}
