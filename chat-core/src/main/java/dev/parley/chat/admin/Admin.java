package dev.parley.chat.admin;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An admin (staff member) of the host application.
 *
 * @param id          the host's user id
 * @param name        display name
 * @param email       where notifications go; null for none
 * @param role        the host's role name, shown to other admins
 * @param departments department slugs this admin serves; empty means all
 */
public record Admin(String id, String name, @Nullable String email, String role, Set<String> departments) {

    /** Copies the set. */
    public Admin {
        departments = Set.copyOf(departments);
    }

    /** Whether this admin serves the department. */
    public boolean serves(String department) {
        return departments.isEmpty() || departments.contains(department);
    }
}
