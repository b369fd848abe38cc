package dev.parley;

import dev.parley.chat.ChatService;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.SessionIds;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.analytics.CachingAnalyticsCalculator;
import dev.parley.chat.analytics.StoreAnalyticsCalculator;
import dev.parley.chat.conversation.DefaultAgentAvailability;
import dev.parley.chat.conversation.DefaultChatService;
import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.department.DefaultBusinessHoursService;
import dev.parley.chat.department.DefaultDepartmentService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.file.DefaultUploadService;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.LocalFileStorage;
import dev.parley.chat.file.UploadPolicy;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.DefaultKnowledgeBase;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.notification.LoggingNotifier;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.NotificationRecorder;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.presence.DefaultPresenceTracker;
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
    private final EventBus events;
    private final ChatService chats;
    private final PresenceTracker presence;
    private final AnalyticsCalculator analytics;
    private final DepartmentService departments;
    private final BusinessHoursService businessHours;
    private final KnowledgeBase knowledgeBase;
    private final UploadService uploads;
    private final FileStorage fileStorage;
    private final Outbox outbox;

    private Parley(Builder b) {
        this.store = b.store;
        this.settings = b.settings;
        this.events = new EventBus(b.clock);
        this.fileStorage = b.fileStorage;
        NotificationRecorder recorder = new NotificationRecorder(store.outbox(), b.admins, b.clock,
                settings.offlineBatchWindow());
        this.presence = new DefaultPresenceTracker(store, b.admins, b.clock, settings.heartbeatTimeout(),
                new DefaultAgentAvailability(store, recorder), events);
        this.chats = new DefaultChatService(store, settings, b.clock, b.admins, presence, recorder, events,
                new SessionIds());
        AnalyticsCalculator calculator = new StoreAnalyticsCalculator(store.analytics(), b.clock);
        if (settings.analyticsCacheTtl().isZero()) {
            this.analytics = calculator;
        } else {
            CachingAnalyticsCalculator cached = new CachingAnalyticsCalculator(calculator, b.clock,
                    settings.analyticsCacheTtl());
            events.subscribe(cached);
            this.analytics = cached;
        }
        DefaultDepartmentService departmentService = new DefaultDepartmentService(store, events);
        DefaultKnowledgeBase kb = new DefaultKnowledgeBase(store, b.clock);
        this.departments = departmentService;
        this.knowledgeBase = kb;
        this.businessHours = new DefaultBusinessHoursService(store, b.clock, settings.timeZone());
        this.uploads = new DefaultUploadService(store, fileStorage, b.uploadPolicy, b.clock);
        this.outbox = new Outbox(store, b.notificationPort, b.clock, settings.outbox(), b.nodeName);
        b.listeners.forEach(events::subscribe);
        if (b.seed) {
            departmentService.seedIfEmpty();
            kb.seedIfEmpty();
        }
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Chats and messages. */
    public ChatService chats() {
        return chats;
    }

    /** Admin presence. */
    public PresenceTracker presence() {
        return presence;
    }

    /** The analytics report. */
    public AnalyticsCalculator analytics() {
        return analytics;
    }

    /** Departments. */
    public DepartmentService departments() {
        return departments;
    }

    /** Business hours per department. */
    public BusinessHoursService businessHours() {
        return businessHours;
    }

    /** The knowledge base. */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** File uploads. */
    public UploadService uploads() {
        return uploads;
    }

    /** Where files are stored. */
    public FileStorage fileStorage() {
        return fileStorage;
    }

    /** The notification outbox and its dispatcher. */
    public Outbox outbox() {
        return outbox;
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
        events.subscribe(listener);
    }

    /** Removes a listener. */
    public void unsubscribe(ChatEventListener listener) {
        events.unsubscribe(listener);
    }

    /** Starts delivering notifications in the background. */
    public void start() {
        outbox.start();
    }

    /** Stops background delivery, releasing claimed notifications for another node or the next start. */
    @Override
    public void close() {
        outbox.close();
    }

    /** Assembles {@link Parley}; every setting has a default. */
    public static final class Builder {
        private ChatStore store = new InMemoryChatStore();
        private ParleySettings settings = ParleySettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private AdminDirectory admins = AdminDirectory.of(List.of());
        private NotificationPort notificationPort = new LoggingNotifier();
        private @Nullable FileStorage fileStorage;
        private UploadPolicy uploadPolicy = UploadPolicy.DEFAULT;
        private final List<ChatEventListener> listeners = new ArrayList<>();
        private boolean seed = true;
        private String nodeName = "parley-" + UUID.randomUUID().toString().substring(0, 8);

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

        /** Builds Parley; call {@link Parley#start()} to deliver notifications in the background. */
        public Parley build() {
            if (fileStorage == null) {
                fileStorage = new LocalFileStorage(Path.of("parley-uploads"), "/parley/files");
            }
            return new Parley(this);
        }
    }
}
