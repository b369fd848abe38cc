package dev.parley.chat.department;

import dev.parley.chat.ChatDepartment;
import java.util.List;

/**
 * Managing departments. The default department ({@code general}) cannot be deleted or deactivated; a department
 * that chats refer to cannot be deleted (deactivate it instead), so reports keep their history. Changing a slug
 * moves the department's chats to the new slug.
 */
public interface DepartmentService {

    /** Every department, by sort order then name. */
    List<ChatDepartment> list();

    /** Active departments only, by sort order then name, for visitors. */
    List<ChatDepartment> listActive();

    /** The department with this slug. */
    ChatDepartment get(String slug);

    /** Creates a department. */
    ChatDepartment create(DepartmentDraft draft);

    /** Updates the department with this id. */
    ChatDepartment update(long id, DepartmentDraft draft);

    /** Deletes the department with this id. */
    void delete(long id);
}
