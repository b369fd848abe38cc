package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * A department chats are routed to.
 *
 * @param id          store-assigned id
 * @param name        unique display name
 * @param slug        unique, {@code [a-z0-9-]}, what chats refer to
 * @param description shown to visitors choosing a department
 * @param email       the department's notification address, if any
 * @param active      whether visitors can choose it
 * @param sortOrder   position in lists, ascending
 */
public record ChatDepartment(
        long id,
        String name,
        String slug,
        @Nullable String description,
        @Nullable String email,
        boolean active,
        int sortOrder) {

    /** The slug of the default department: chats go there when the visitor picks none, and it cannot be removed. */
    public static final String DEFAULT_SLUG = "general";

    /** This department with the store-assigned id. */
    public ChatDepartment withId(long newId) {
        return new ChatDepartment(newId, name, slug, description, email, active, sortOrder);
    }
}
