package dev.parley.chat.store;

import dev.parley.chat.ChatDepartment;
import java.util.List;
import java.util.Optional;

/** Stored departments. */
public interface DepartmentRecords {

    /** Every department, by sort order then name. */
    List<ChatDepartment> list();

    /** The department with this id. */
    Optional<ChatDepartment> find(long id);

    /** The department with this slug. */
    Optional<ChatDepartment> findBySlug(String slug);

    /** The department with this name, ignoring case. */
    Optional<ChatDepartment> findByName(String name);

    /** Stores a new department (its id is ignored) and answers it with the assigned id. */
    ChatDepartment insert(ChatDepartment department);

    /** Overwrites the stored department with the same id. */
    void update(ChatDepartment department);

    /** Deletes the department with this id. */
    void delete(long id);
}
