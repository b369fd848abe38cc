package dev.parley.chat;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored reply an admin inserts by its shortcut.
 *
 * @param id        store-assigned id
 * @param shortcut  what the admin types after {@code /}: {@code [a-z0-9-_]{1,30}}, unique within its scope
 * @param title     a short name, shown in pickers
 * @param text      the reply, which may hold variables such as {@code {{visitor.name | "there"}}}
 * @param scope     who sees it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record CannedResponse(
        long id, String shortcut, String title, String text, Scope scope, Instant createdAt, Instant updatedAt) {

    /** Checks that no part is missing. */
    public CannedResponse {
        Objects.requireNonNull(shortcut, "shortcut");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** This response with the store-assigned id. */
    public CannedResponse withId(long newId) {
        return new CannedResponse(newId, shortcut, title, text, scope, createdAt, updatedAt);
    }

    /** Who sees a canned response. */
    public enum Visibility {
        /** Every admin. */
        EVERYONE,
        /** The admins of one department. */
        DEPARTMENT,
        /** One admin only (a personal response). */
        ADMIN
    }

    /**
     * Who sees a canned response.
     *
     * @param visibility everyone, one department or one admin
     * @param owner      the department slug or the admin id; null for {@link Visibility#EVERYONE}
     */
    public record Scope(Visibility visibility, @Nullable String owner) {

        /** Checks that the owner is given exactly when the visibility needs one. */
        public Scope {
            Objects.requireNonNull(visibility, "visibility");
            if ((visibility == Visibility.EVERYONE) != (owner == null || owner.isBlank())) {
                throw ParleyException.invalid(visibility == Visibility.EVERYONE
                        ? "a response for everyone has no owner" : "a " + visibility.name().toLowerCase(
                                java.util.Locale.ROOT) + " response needs its " + (visibility == Visibility.ADMIN
                                        ? "admin id" : "department slug"));
            }
            if (visibility == Visibility.EVERYONE) {
                owner = null;
            }
        }

        /** Seen by every admin. */
        public static Scope everyone() {
            return new Scope(Visibility.EVERYONE, null);
        }

        /** Seen by the admins of the department with this slug. */
        public static Scope department(String slug) {
            return new Scope(Visibility.DEPARTMENT, slug);
        }

        /** Seen by this admin only. */
        public static Scope admin(String adminId) {
            return new Scope(Visibility.ADMIN, adminId);
        }
    }
}
