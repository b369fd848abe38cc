package dev.parley.chat.department;

import org.jspecify.annotations.Nullable;

/**
 * What an admin sends to create or update a department; on update, null fields are left as they are.
 *
 * @param name        display name, unique, 1 to 100 characters
 * @param slug        unique {@code [a-z0-9-]}, 1 to 50 characters; derived from the name when null on create
 * @param description up to 500 characters
 * @param email       notification address
 * @param active      whether visitors can choose it (default true)
 * @param sortOrder   position in lists (default 0)
 */
public record DepartmentDraft(
        @Nullable String name,
        @Nullable String slug,
        @Nullable String description,
        @Nullable String email,
        @Nullable Boolean active,
        @Nullable Integer sortOrder) {}
