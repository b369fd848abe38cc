package dev.parley;

import dev.parley.chat.AssignmentTrigger;
import dev.parley.chat.ChatService;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.SessionIds;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.analytics.CachingAnalyticsCalculator;
import dev.parley.chat.analytics.StoreAnalyticsCalculator;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.assignment.DefaultAssignmentService;
import dev.parley.chat.canned.CannedResponses;
import dev.parley.chat.canned.DefaultCannedResponses;
import dev.parley.chat.conversation.DefaultAgentAvailability;
import dev.parley.chat.conversation.DefaultChatService;
import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.department.DefaultBusinessHoursService;
import dev.parley.chat.department.DefaultDepartmentService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.file.DefaultUploadService;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.DefaultKnowledgeBase;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.notification.NotificationRecorder;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.presence.DefaultPresenceTracker;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The services of {@link Parley} wired together from a builder: each is the host's replacement when the builder has
 * one, otherwise the default over the store. The chat rules get the presence tracker chosen here.
 */
final class Assembly {

    final EventBus events;
    final PresenceTracker presence;
    final ChatService chats;
    final AnalyticsCalculator analytics;
    final DepartmentService departments;
    final BusinessHoursService businessHours;
    final KnowledgeBase knowledgeBase;
    final UploadService uploads;
    final Outbox outbox;
    final AssignmentService assignment;
    final CannedResponses cannedResponses;

    Assembly(Parley.Builder b, FileStorage fileStorage) {
        ChatStore store = b.store;
        ParleySettings settings = b.settings;
        Clock clock = b.clock;
        this.events = new EventBus(clock);
        NotificationRecorder recorder = new NotificationRecorder(store.outbox(), b.admins, clock,
                settings.offlineBatchWindow(), settings.visitorEmailsPerDay());
        this.presence = or(b.presence, () -> new DefaultPresenceTracker(store, b.admins, clock,
                settings.heartbeatTimeout(), new DefaultAgentAvailability(store, recorder), events));
        DefaultAssignmentService queues = new DefaultAssignmentService(store, b.admins, presence, events, clock,
                b.assignment);
        events.subscribeLast(queues);
        this.assignment = queues;
        // a chat a transfer left unassigned goes to its department's queue, then to the host's own trigger
        AssignmentTrigger trigger = chat -> {
            queues.drain(chat.department());
            b.assignmentTrigger.chatAwaitsAgent(chat);
        };
        this.chats = new DefaultChatService(store, settings, clock, b.admins, presence, recorder, events,
                new SessionIds(), trigger);
        this.analytics = or(b.analytics, () -> defaultAnalytics(store, settings, clock));
        DefaultDepartmentService departmentService = new DefaultDepartmentService(store, events);
        DefaultKnowledgeBase kb = new DefaultKnowledgeBase(store, clock);
        this.departments = or(b.departments, () -> departmentService);
        this.knowledgeBase = or(b.knowledgeBase, () -> kb);
        this.businessHours = or(b.businessHours,
                () -> new DefaultBusinessHoursService(store, clock, settings.timeZone()));
        this.uploads = or(b.uploads, () -> new DefaultUploadService(store, fileStorage, b.uploadPolicy, clock));
        this.outbox = new Outbox(store, b.notificationPort, clock, settings.outbox(), b.nodeName);
        this.cannedResponses = new DefaultCannedResponses(store, b.admins, clock, settings.maxMessageLength());
        b.listeners.forEach(events::subscribe);
        if (b.seed) {
            departmentService.seedIfEmpty();
            kb.seedIfEmpty();
        }
    }

    /** The report from the store's rollups, cached while nothing changes unless the settings' TTL is zero. */
    private AnalyticsCalculator defaultAnalytics(ChatStore store, ParleySettings settings, Clock clock) {
        AnalyticsCalculator calculator = new StoreAnalyticsCalculator(store.analytics(), clock);
        if (settings.analyticsCacheTtl().isZero()) {
            return calculator;
        }
        CachingAnalyticsCalculator cached = new CachingAnalyticsCalculator(calculator, clock,
                settings.analyticsCacheTtl());
        events.subscribe(cached);
        return cached;
    }

    private static <T> T or(@Nullable T own, Supplier<T> fallback) {
        return own != null ? own : fallback.get();
    }
}
