package dev.parley.chat;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a department's waiting chats find an admin. */
public enum AssignmentMode {
    /** Admins pick chats themselves (the default). */
    MANUAL("manual"),
    /** The online admin with room who was assigned a chat longest ago gets the next one. */
    ROUND_ROBIN("round-robin"),
    /** The online admin with room who has the fewest open assigned chats gets the next one. */
    LEAST_BUSY("least-busy");

    private final String slug;

    AssignmentMode(String slug) {
        this.slug = slug;
    }

    /** The name in the API and in the configuration: {@code manual}, {@code round-robin}, {@code least-busy}. */
    public String slug() {
        return slug;
    }

    /** Whether chats are assigned automatically. */
    public boolean automatic() {
        return this != MANUAL;
    }

    /**
     * The mode of this name ({@link #slug()}, or the constant's name, any case).
     *
     * @throws ParleyException (validation) naming the modes when there is none of this name
     */
    public static AssignmentMode parse(@Nullable String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AssignmentMode m : values()) {
            if (m.slug.equals(n)) {
                return m;
            }
        }
        throw ParleyException.invalid("assignment mode '" + name + "' is unknown; choose one of "
                + Arrays.stream(values()).map(AssignmentMode::slug).toList());
    }
}
