package dev.parley;

import dev.parley.chat.AssignmentTrigger;
import dev.parley.chat.ChatService;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.assignment.AssignmentSettings;
import dev.parley.chat.canned.CannedResponses;
import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.LocalFileStorage;
import dev.parley.chat.file.UploadPolicy;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.notification.LoggingNotifier;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Parley, assembled: the one entry point of a plain-Java host.
 *
 * <pre>{@code
 * Parley parley = Parley.builder()
 *         .store(store)                       // default: in memory
 *         .admins(AdminDirectory.of(admins))  // who the staff are
 *         .notificationPort(mailer)           // default: logs only
 *         .build();
 * parley.start();                             // background delivery of notifications
 * PostedMessage first = parley.chats().startChat(new StartChat("Ada", null, null, "sales", "Hello"));
 * }</pre>
 */
public final class Parley implements AutoCloseable {

    private final ChatStore store;
    private final ParleySettings settings;
    private final FileStorage fileStorage;
    private final Assembly a;

    private Parley(Builder b) {
        this.store = b.store;
        this.settings = b.settings;
        this.fileStorage = b.fileStorage;
        this.a = new Assembly(b, fileStorage);
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Chats and messages. */
    public ChatService chats() {
        return a.chats;
    }

    /** Admin presence. */
    public PresenceTracker presence() {
        return a.presence;
    }

    /** The analytics report. */
    public AnalyticsCalculator analytics() {
        return a.analytics;
    }

    /** Departments. */
    public DepartmentService departments() {
        return a.departments;
    }

    /** Business hours per department. */
    public BusinessHoursService businessHours() {
        return a.businessHours;
    }

    /** Canned responses. */
    public CannedResponses cannedResponses() {
        return a.cannedResponses;
    }

    /** The knowledge base. */
    public KnowledgeBase knowledgeBase() {
        return a.knowledgeBase;
    }

    /** File uploads. */
    public UploadService uploads() {
        return a.uploads;
    }

    /** Where files are stored. */
    public FileStorage fileStorage() {
        return fileStorage;
    }

    /** The notification outbox and its dispatcher. */
    public Outbox outbox() {
        return a.outbox;
    }

    /** Automatic assignment: queues, modes and capacities. */
    public AssignmentService assignment() {
        return a.assignment;
    }

    /** The store in use. */
    public ChatStore store() {
        return store;
    }

    /** The settings in use. */
    public ParleySettings settings() {
        return settings;
    }

    /** Adds a listener for change events. */
    public void subscribe(ChatEventListener listener) {
        a.events.subscribe(listener);
    }

    /** Removes a listener. */
    public void unsubscribe(ChatEventListener listener) {
        a.events.unsubscribe(listener);
    }

    /** Starts delivering notifications in the background. */
    public void start() {
        a.outbox.start();
    }

    /** Stops background delivery, releasing claimed notifications for another node or the next start. */
    @Override
    public void close() {
        a.outbox.close();
    }

    /** Assembles {@link Parley}; every setting has a default. */
    public static final class Builder {
        ChatStore store = new InMemoryChatStore();
        ParleySettings settings = ParleySettings.DEFAULTS;
        Clock clock = Clock.systemUTC();
        AdminDirectory admins = AdminDirectory.of(List.of());
        NotificationPort notificationPort = new LoggingNotifier();
        @Nullable FileStorage fileStorage;
        UploadPolicy uploadPolicy = UploadPolicy.DEFAULT;
        AssignmentSettings assignment = AssignmentSettings.DEFAULTS;
        final List<ChatEventListener> listeners = new ArrayList<>();
        boolean seed = true;
        String nodeName = "parley-" + UUID.randomUUID().toString().substring(0, 8);
        @Nullable PresenceTracker presence;
        @Nullable AnalyticsCalculator analytics;
        @Nullable DepartmentService departments;
        @Nullable KnowledgeBase knowledgeBase;
        @Nullable BusinessHoursService businessHours;
        @Nullable UploadService uploads;
        AssignmentTrigger assignmentTrigger = AssignmentTrigger.NONE;

        private Builder() {}

        /** The store (default: in memory). */
        public Builder store(ChatStore value) {
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** The rules' settings (default {@link ParleySettings#DEFAULTS}). */
        public Builder settings(ParleySettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** The clock (default: system UTC). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Who the admins are (default: nobody). */
        public Builder admins(AdminDirectory value) {
            admins = Objects.requireNonNull(value, "admins");
            return this;
        }

        /** How notifications are delivered (default: logged). */
        public Builder notificationPort(NotificationPort value) {
            notificationPort = Objects.requireNonNull(value, "notificationPort");
            return this;
        }

        /** Where uploads are stored (default: {@code ./parley-uploads}, served under {@code /parley/files}). */
        public Builder fileStorage(FileStorage value) {
            fileStorage = Objects.requireNonNull(value, "fileStorage");
            return this;
        }

        /** Which uploads are accepted (default {@link UploadPolicy#DEFAULT}). */
        public Builder uploadPolicy(UploadPolicy value) {
            uploadPolicy = Objects.requireNonNull(value, "uploadPolicy");
            return this;
        }

        /** Automatic assignment's settings (default {@link AssignmentSettings#DEFAULTS}). */
        public Builder assignment(AssignmentSettings value) {
            assignment = Objects.requireNonNull(value, "assignment");
            return this;
        }

        /** Adds a listener for change events. */
        public Builder listener(ChatEventListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Whether to seed the four departments and six sample articles into an empty store (default true). */
        public Builder seedDefaults(boolean value) {
            seed = value;
            return this;
        }

        /** The name of this node's outbox dispatcher, stored with its claims (default: random). */
        public Builder nodeName(String value) {
            nodeName = Objects.requireNonNull(value, "nodeName");
            return this;
        }

        /**
         * Who is online (default: presence in the store). The chat rules ask it whether a visitor's message finds an
         * admin; a replacement posts no "an agent is now available" message, which the default tracker triggers.
         */
        public Builder presence(PresenceTracker value) {
            presence = Objects.requireNonNull(value, "presence");
            return this;
        }

        /** The analytics report (default: from the store's rollups, cached per the settings). */
        public Builder analytics(AnalyticsCalculator value) {
            analytics = Objects.requireNonNull(value, "analytics");
            return this;
        }

        /** Managing departments (default: in the store, which the chat rules read departments from). */
        public Builder departments(DepartmentService value) {
            departments = Objects.requireNonNull(value, "departments");
            return this;
        }

        /** Opening hours (default: the calendars in the store, in the settings' time zone). */
        public Builder businessHours(BusinessHoursService value) {
            businessHours = Objects.requireNonNull(value, "businessHours");
            return this;
        }

        /** The knowledge base (default: articles in the store). */
        public Builder knowledgeBase(KnowledgeBase value) {
            knowledgeBase = Objects.requireNonNull(value, "knowledgeBase");
            return this;
        }

        /** File uploads (default: checked by the upload policy, then kept in the file storage). */
        public Builder uploads(UploadService value) {
            uploads = Objects.requireNonNull(value, "uploads");
            return this;
        }

        /** Hears of chats left unassigned by a transfer (default {@link AssignmentTrigger#NONE}). */
        public Builder assignmentTrigger(AssignmentTrigger value) {
            assignmentTrigger = Objects.requireNonNull(value, "assignmentTrigger");
            return this;
        }

        /** Builds Parley; call {@link Parley#start()} to deliver notifications in the background. */
        public Parley build() {
            if (fileStorage == null) {
                fileStorage = new LocalFileStorage(Path.of("parley-uploads"), "/parley/files");
            }
            return new Parley(this);
        }
    }
}
