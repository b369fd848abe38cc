package dev.parley.chat.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.chat.AssignmentMode;
import dev.parley.chat.AdminPresence;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.presence.OnlineAdmin;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of departments, articles and presence. */
public final class CatalogViews {

    private CatalogViews() {}

    /** A department for admins. */
    public static Department department(ChatDepartment d) {
        return new Department(d.id(), d.name(), d.slug(), d.description(), d.email(), d.active(), d.sortOrder(),
                null);
    }

    /** A department for admins, with how its chats are assigned. */
    public static Department department(ChatDepartment d, AssignmentMode mode) {
        return new Department(d.id(), d.name(), d.slug(), d.description(), d.email(), d.active(), d.sortOrder(),
                mode.slug());
    }

    /** A department for visitors (no notification address). */
    public static PublicDepartment publicDepartment(ChatDepartment d) {
        return new PublicDepartment(d.name(), d.slug(), d.description());
    }

    /** An article. */
    public static Article article(KnowledgeBaseArticle a) {
        return new Article(a.id(), a.title(), a.slug(), a.content(), a.category(), a.keywords(), a.published(),
                a.sortOrder(), a.viewCount(), a.createdAt(), a.updatedAt());
    }

    /** An admin's presence. */
    public static Presence presence(AdminPresence p) {
        return new Presence(p.userId(), p.online(), p.lastSeenAt(), p.socketId(), p.department());
    }

    /** Who is online. */
    public static OnlineAdmins online(List<OnlineAdmin> admins) {
        List<OnlineAdminView> views = admins.stream().map(o -> new OnlineAdminView(o.admin().id(), o.admin().name(),
                o.admin().email(), o.admin().role(), o.presence().department(), o.presence().lastSeenAt())).toList();
        return new OnlineAdmins(views, views.size());
    }

    /**
     * A department.
     *
     * @param id          the id
     * @param name        unique display name
     * @param slug        unique slug
     * @param description description
     * @param email       the department's notification address
     * @param isActive    whether visitors can choose it
     * @param sortOrder   position in lists
     * @param assignmentMode manual, round-robin or least-busy (left out of change events)
     */
    public record Department(long id, String name, String slug, @Nullable String description,
            @Nullable String email, @JsonProperty("isActive") boolean isActive, int sortOrder,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String assignmentMode) {}

    /**
     * A department as visitors see it.
     *
     * @param name        display name
     * @param slug        what to send as {@code department}
     * @param description description
     */
    public record PublicDepartment(String name, String slug, @Nullable String description) {}

    /**
     * A knowledge-base article.
     *
     * @param id          the id
     * @param title       the title
     * @param slug        unique slug
     * @param content     the body
     * @param category    category
     * @param keywords    comma-separated keywords
     * @param isPublished whether visitors can find it
     * @param sortOrder   position in lists
     * @param viewCount   how often visitors opened it
     * @param createdAt   creation time
     * @param updatedAt   last change
     */
    public record Article(long id, String title, String slug, String content, @Nullable String category,
            @Nullable String keywords, @JsonProperty("isPublished") boolean isPublished, int sortOrder,
            long viewCount, Instant createdAt, Instant updatedAt) {}

    /**
     * An admin's presence.
     *
     * @param userId     the admin's id
     * @param isOnline   whether they said they are online
     * @param lastSeenAt their last heartbeat
     * @param socketId   their connection id
     * @param department the department they serve now; null for all
     */
    public record Presence(String userId, @JsonProperty("isOnline") boolean isOnline, Instant lastSeenAt,
            @Nullable String socketId, @Nullable String department) {}

    /**
     * An online admin with the application's details.
     *
     * @param userId     the admin's id
     * @param name       display name
     * @param email      email
     * @param role       role
     * @param department the department they serve now; null for all
     * @param lastSeenAt their last heartbeat
     */
    public record OnlineAdminView(String userId, String name, @Nullable String email, String role,
            @Nullable String department, Instant lastSeenAt) {}

    /**
     * Who is online.
     *
     * @param onlineAdmins the admins online now
     * @param count        how many
     */
    public record OnlineAdmins(List<OnlineAdminView> onlineAdmins, int count) {}
}
