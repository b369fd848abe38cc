package dev.parley.chat.spring;

import dev.parley.chat.ParleySettings;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.file.FileType;
import dev.parley.chat.file.UploadPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The core settings of Parley under {@code parley.*}.
 *
 * @param store         which store to use: jpa or memory; unset means the JPA store when chat-jpa and
 *                      a DataSource are present (the in-memory store is used only when asked for)
 * @param nodeName      the name of this node's notification dispatcher, stored with its claims (default: random)
 * @param seedDefaults  whether to seed the four default departments and six sample articles into an empty store
 * @param chat          chat rules
 * @param presence      admin presence
 * @param notifications notification batching
 * @param analytics     the analytics report
 * @param outbox        background delivery of notifications
 * @param uploads       which uploads are accepted
 * @param admins        the admins, when the application declares no AdminDirectory bean of its own
 */
@ConfigurationProperties("parley")
public record ParleyProperties(
        @Nullable StoreType store,
        @Nullable String nodeName,
        @DefaultValue("true") boolean seedDefaults,
        @DefaultValue Chat chat,
        @DefaultValue Presence presence,
        @DefaultValue Notifications notifications,
        @DefaultValue Analytics analytics,
        @DefaultValue Outbox outbox,
        @DefaultValue Uploads uploads,
        @DefaultValue List<AdminEntry> admins) {

    /** Which store holds the chats. */
    public enum StoreType {
        /** The JPA store of chat-jpa, on the application's DataSource. */
        JPA,
        /** The in-memory store: for demos and tests, everything is lost on restart. */
        MEMORY
    }

    /** The core's settings built from these properties. */
    public ParleySettings toSettings() {
        return new ParleySettings(chat.maxMessageLength(), presence.heartbeatTimeout(),
                notifications.offlineBatchWindow(), analytics.cacheTtl(), analytics.timeZone(),
                new ParleySettings.OutboxSettings(outbox.maxAttempts(), outbox.initialBackoff(),
                        outbox.maxBackoff(), outbox.lease(), outbox.pollInterval(), outbox.batchSize()),
                notifications.visitorEmailsPerDay());
    }

    /** The upload policy built from these properties. */
    public UploadPolicy toUploadPolicy() {
        return new UploadPolicy(uploads.maxFileSize().toBytes(), uploads.allowedTypes(), uploads.maxPerChat(),
                uploads.maxTotalSize().toBytes());
    }

    /** The admins listed in these properties. */
    public List<Admin> toAdmins() {
        return admins.stream().map(AdminEntry::toAdmin).toList();
    }

    /**
     * Chat rules.
     *
     * @param maxMessageLength longest message text, in characters
     */
    public record Chat(@DefaultValue("5000") int maxMessageLength) {}

    /**
     * Admin presence.
     *
     * @param heartbeatTimeout how long a heartbeat keeps an admin online (dashboards send one every 30 seconds)
     */
    public record Presence(@DefaultValue("2m") Duration heartbeatTimeout) {}

    /**
     * Notification batching.
     *
     * @param offlineBatchWindow  how long the offline messages of one chat are gathered into one email
     * @param visitorEmailsPerDay the most emails sent to one visitor address in 24 hours (only visitors who ticked
     *                            "Email me the replies" are ever emailed); 0 sends none
     */
    public record Notifications(@DefaultValue("2m") Duration offlineBatchWindow,
            @DefaultValue("3") int visitorEmailsPerDay) {}

    /**
     * The analytics report.
     *
     * @param cacheTtl how long a report may be served from cache while nothing changed; 0 disables the cache
     * @param timeZone the default time zone of the report's days
     */
    public record Analytics(@DefaultValue("5m") Duration cacheTtl, @DefaultValue("UTC") ZoneId timeZone) {}

    /**
     * Background delivery of notifications through the outbox.
     *
     * @param enabled        whether this node runs the dispatcher (other nodes sharing the database may deliver)
     * @param maxAttempts    attempts before a notification is marked failed
     * @param initialBackoff wait before the second attempt; doubles after each failure
     * @param maxBackoff     the longest wait between attempts
     * @param lease          how long a claim lasts before another dispatcher may retry the item
     * @param pollInterval   how often the dispatcher looks for due notifications
     * @param batchSize      notifications claimed at once
     */
    public record Outbox(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("100") int batchSize) {}

    /**
     * Which uploads are accepted. The type is decided from the content, never from the name.
     *
     * @param maxFileSize  the largest file; the servlet multipart limits follow it unless set explicitly
     * @param allowedTypes the accepted types, among JPEG, PNG, GIF, WEBP, PDF, DOC and DOCX
     * @param maxPerChat   how many files one chat may upload
     * @param maxTotalSize the storage quota of all uploads together; over it uploads are refused (413 TOO_LARGE)
     */
    public record Uploads(
            @DefaultValue("5MB") DataSize maxFileSize,
            @DefaultValue({"JPEG", "PNG", "GIF", "WEBP", "PDF", "DOC", "DOCX"}) Set<FileType> allowedTypes,
            @DefaultValue("20") int maxPerChat,
            @DefaultValue("10GB") DataSize maxTotalSize) {}

    /**
     * One admin of the application (used when there is no AdminDirectory bean).
     *
     * @param id          the admin's user id: the JWT subject or the Spring Security principal name
     * @param name        display name
     * @param email       where notifications go; empty for none
     * @param role        role name shown to other admins
     * @param departments department slugs this admin serves; empty means all
     */
    public record AdminEntry(
            String id,
            @Nullable String name,
            @Nullable String email,
            @DefaultValue("admin") String role,
            @DefaultValue List<String> departments) {

        Admin toAdmin() {
            if (id == null || id.isBlank()) {
                throw new IllegalStateException("every entry of parley.admins needs an id");
            }
            String display = name == null || name.isBlank() ? id : name;
            String mail = email == null || email.isBlank() ? null : email.strip();
            return new Admin(id.strip(), display, mail, role, Set.copyOf(departments));
        }
    }
}
