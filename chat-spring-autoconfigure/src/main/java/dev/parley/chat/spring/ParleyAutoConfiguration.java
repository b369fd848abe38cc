package dev.parley.chat.spring;

import dev.parley.Parley;
import dev.parley.chat.AssignmentTrigger;
import dev.parley.chat.ChatService;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.assignment.AssignmentSettings;
import dev.parley.chat.canned.CannedResponses;
import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.UploadPolicy;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.notification.LoggingNotifier;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The core of Parley as beans: settings, admins, the default ports, the {@link Parley} assembly and its services.
 * Runs after the adapter auto-configurations so that their beans (store, mail, storage) are seen.
 */
@AutoConfiguration(afterName = {
        "dev.parley.chat.spring.store.ParleyJpaStoreAutoConfiguration",
        "dev.parley.chat.spring.mail.ParleyMailAutoConfiguration",
        "dev.parley.chat.spring.files.ParleyFilesAutoConfiguration"})
@EnableConfigurationProperties(ParleyProperties.class)
class ParleyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParleyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ParleySettings parleySettings(ParleyProperties properties) {
        return properties.toSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    UploadPolicy parleyUploadPolicy(ParleyProperties properties) {
        return properties.toUploadPolicy();
    }

    @Bean
    @ConditionalOnMissingBean
    AdminDirectory parleyAdminDirectory(ParleyProperties properties) {
        List<Admin> admins = properties.toAdmins();
        if (admins.isEmpty()) {
            log.warn("Parley has no admins: declare an AdminDirectory bean or list them as parley.admins[0].id, "
                    + ".name, .email, .role; until then nobody can use the admin endpoints");
        } else {
            log.info("Parley admins from properties: {}", admins.stream().map(Admin::id).toList());
        }
        return AdminDirectory.of(admins);
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationPort parleyNotificationPort() {
        log.info("Parley sends no email: parley.mail.host is not set (or chat-mail is not on the classpath); "
                + "notifications are only logged");
        return new LoggingNotifier();
    }

    @Bean
    @ConditionalOnMissingBean(ChatStore.class)
    @ConditionalOnProperty(name = "parley.store", havingValue = "memory")
    InMemoryChatStore parleyInMemoryStore() {
        log.warn("Parley uses the in-memory store (parley.store=memory): every chat is lost when the application "
                + "stops");
        return new InMemoryChatStore();
    }

    /**
     * The assembly, from the application's ports and beans. A service bean the application declares itself
     * (presence, analytics, departments, business hours, knowledge
     * base, uploads) goes into the assembly too, so that the chat rules
     * use it and not only the controllers; the defaults of those services come from the assembly instead. An
     * {@link AssignmentTrigger} bean hears of chats a transfer left unassigned.
     */
    @Bean
    @ConditionalOnMissingBean
    Parley parley(ObjectProvider<ChatStore> store, ParleySettings settings, AdminDirectory admins,
            NotificationPort notificationPort, FileStorage fileStorage, UploadPolicy uploadPolicy,
            ObjectProvider<Clock> clock, ParleyProperties properties, ListableBeanFactory beans,
            ObjectProvider<PresenceTracker> presence, ObjectProvider<AnalyticsCalculator> analytics,
            ObjectProvider<DepartmentService> departments, ObjectProvider<BusinessHoursService> businessHours,
            ObjectProvider<KnowledgeBase> knowledgeBase, ObjectProvider<UploadService> uploads,
            ObjectProvider<AssignmentSettings> assignment, ObjectProvider<AssignmentTrigger> assignmentTrigger) {
        ChatStore chatStore = store.getIfAvailable();
        if (chatStore == null) {
            throw new ParleyStoreMissingException();
        }
        Parley.Builder builder = Parley.builder()
                .store(chatStore)
                .settings(settings)
                .admins(admins)
                .notificationPort(notificationPort)
                .fileStorage(fileStorage)
                .uploadPolicy(uploadPolicy)
                .seedDefaults(properties.seedDefaults());
        Clock c = clock.getIfUnique();
        if (c != null) {
            builder.clock(c);
        }
        if (properties.nodeName() != null && !properties.nodeName().isBlank()) {
            builder.nodeName(properties.nodeName().strip());
        }
        ifOwn(beans, "parleyPresenceTracker", presence, builder::presence);
        ifOwn(beans, "parleyAnalyticsCalculator", analytics, builder::analytics);
        ifOwn(beans, "parleyDepartmentService", departments, builder::departments);
        ifOwn(beans, "parleyBusinessHoursService", businessHours, builder::businessHours);
        ifOwn(beans, "parleyKnowledgeBase", knowledgeBase, builder::knowledgeBase);
        ifOwn(beans, "parleyUploadService", uploads, builder::uploads);
        assignment.ifUnique(builder::assignment);
        // looked up at each call, so that a trigger bean may itself depend on Parley
        builder.assignmentTrigger(chat -> assignmentTrigger.ifUnique(t -> t.chatAwaitsAgent(chat)));
        return builder.build();
    }

    /**
     * Hands the application's own bean of a type to the assembly. When the default bean of that name is defined, the
     * application declared none (the default backs off otherwise), and the default comes from the assembly itself:
     * asking for it here would be a cycle.
     */
    private static <T> void ifOwn(ListableBeanFactory beans, String defaultName, ObjectProvider<T> own,
            Consumer<T> use) {
        if (!beans.containsBeanDefinition(defaultName)) {
            own.ifUnique(use);
        }
    }

    @Bean
    ParleyEventListeners parleyEventListeners(Parley parley, ObjectProvider<ChatEventListener> listeners) {
        return new ParleyEventListeners(parley, listeners);
    }

    @Bean
    ParleyDispatcherLifecycle parleyDispatcherLifecycle(Outbox outbox, ParleyProperties properties) {
        return new ParleyDispatcherLifecycle(outbox, properties.outbox().enabled());
    }

    @Bean
    @ConditionalOnMissingBean
    ChatService parleyChatService(Parley parley) {
        return parley.chats();
    }

    @Bean
    @ConditionalOnMissingBean
    PresenceTracker parleyPresenceTracker(Parley parley) {
        return parley.presence();
    }

    @Bean
    @ConditionalOnMissingBean
    AnalyticsCalculator parleyAnalyticsCalculator(Parley parley) {
        return parley.analytics();
    }

    @Bean
    @ConditionalOnMissingBean
    DepartmentService parleyDepartmentService(Parley parley) {
        return parley.departments();
    }

    @Bean
    @ConditionalOnMissingBean
    BusinessHoursService parleyBusinessHoursService(Parley parley) {
        return parley.businessHours();
    }

    @Bean
    @ConditionalOnMissingBean
    CannedResponses parleyCannedResponses(Parley parley) {
        return parley.cannedResponses();
    }

    @Bean
    @ConditionalOnMissingBean
    KnowledgeBase parleyKnowledgeBase(Parley parley) {
        return parley.knowledgeBase();
    }

    @Bean
    @ConditionalOnMissingBean
    UploadService parleyUploadService(Parley parley) {
        return parley.uploads();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    Outbox parleyOutbox(Parley parley) {
        return parley.outbox();
    }
}
