package dev.parley.chat.jpa.entity;

import dev.parley.chat.ChatDepartment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code parley_department}. */
@Entity(name = "ParleyDepartment")
@Table(name = "parley_department")
public class DepartmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_department_seq")
    @SequenceGenerator(name = "parley_department_seq", sequenceName = "parley_department_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;
    @Column(name = "slug", nullable = false, length = 50)
    private String slug;
    @Column(name = "description", length = 500)
    private @Nullable String description;
    @Column(name = "email", length = 254)
    private @Nullable String email;
    @Column(name = "active", nullable = false)
    private boolean active;
    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    /** For JPA. */
    protected DepartmentEntity() {}

    /** A new row holding the department (its id is assigned on persist). */
    public static DepartmentEntity of(ChatDepartment d) {
        DepartmentEntity e = new DepartmentEntity();
        e.apply(d);
        return e;
    }

    /** Copies every field but the id into this row. */
    public void apply(ChatDepartment d) {
        name = d.name();
        slug = d.slug();
        description = d.description();
        email = d.email();
        active = d.active();
        sortOrder = d.sortOrder();
    }

    /** The department this row holds. */
    public ChatDepartment toRecord() {
        return new ChatDepartment(id, name, slug, description, email, active, sortOrder);
    }
}
