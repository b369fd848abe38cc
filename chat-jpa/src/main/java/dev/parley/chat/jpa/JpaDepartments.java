package dev.parley.chat.jpa;

import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ParleyException;
import dev.parley.chat.jpa.entity.DepartmentEntity;
import dev.parley.chat.store.DepartmentRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class JpaDepartments implements DepartmentRecords {

    private final JpaTransactions tx;

    JpaDepartments(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<ChatDepartment> list() {
        // Sorted here, not in SQL, so that names compare as in Java whatever the database's collation.
        return tx.call(t -> t.em.createQuery("select d from ParleyDepartment d", DepartmentEntity.class)
                .getResultList().stream().map(DepartmentEntity::toRecord)
                .sorted(Comparator.comparingInt(ChatDepartment::sortOrder).thenComparing(ChatDepartment::name))
                .toList());
    }

    @Override
    public Optional<ChatDepartment> find(long id) {
        return tx.call(t -> Optional.ofNullable(t.em.find(DepartmentEntity.class, id)).map(DepartmentEntity::toRecord));
    }

    @Override
    public Optional<ChatDepartment> findBySlug(String slug) {
        return tx.call(t -> t.em.createQuery("select d from ParleyDepartment d where d.slug = :s",
                DepartmentEntity.class).setParameter("s", slug).getResultStream().findFirst()
                .map(DepartmentEntity::toRecord));
    }

    @Override
    public Optional<ChatDepartment> findByName(String name) {
        return tx.call(t -> t.em.createQuery("select d from ParleyDepartment d where lower(d.name) = lower(:n)",
                        DepartmentEntity.class).setParameter("n", name).getResultStream()
                .map(DepartmentEntity::toRecord).filter(d -> d.name().equalsIgnoreCase(name)).findFirst());
    }

    @Override
    public ChatDepartment insert(ChatDepartment department) {
        return tx.call(t -> {
            requireUnique(t, department);
            DepartmentEntity e = DepartmentEntity.of(department);
            t.em.persist(e);
            t.em.flush();
            return e.toRecord();
        });
    }

    @Override
    public void update(ChatDepartment department) {
        tx.exec(t -> {
            DepartmentEntity e = t.em.find(DepartmentEntity.class, department.id());
            if (e == null) {
                throw ParleyException.notFound("department " + department.id() + " does not exist");
            }
            requireUnique(t, department);
            e.apply(department);
            t.em.flush();
        });
    }

    /** The same check and message as the in-memory store; the unique constraints catch a concurrent twin. */
    private static void requireUnique(Tx t, ChatDepartment d) {
        boolean clash = !t.em.createQuery("select d.id from ParleyDepartment d where d.id <> :id"
                        + " and (d.slug = :slug or lower(d.name) = lower(:name))", Long.class)
                .setParameter("id", d.id()).setParameter("slug", d.slug()).setParameter("name", d.name())
                .setMaxResults(1).getResultList().isEmpty();
        if (clash) {
            throw ParleyException.conflict("a department with slug '" + d.slug() + "' or name '" + d.name()
                    + "' exists");
        }
    }

    @Override
    public void delete(long id) {
        tx.exec(t -> {
            DepartmentEntity e = t.em.find(DepartmentEntity.class, id);
            if (e != null) {
                t.em.remove(e);
            }
        });
    }
}
