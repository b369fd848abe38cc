package dev.parley.chat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.chat.ChatService;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.StartChat;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.FileType;
import dev.parley.chat.file.LocalFileStorage;
import dev.parley.chat.file.StoredFile;
import dev.parley.chat.file.UploadPolicy;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.notification.LoggingNotifier;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conditions of the core auto-configuration: store choice, defaults of every port, and user overrides. */
class ParleyAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with());

    private final ApplicationContextRunner memory = runner.withPropertyValues("parley.store=memory");

    @Test
    void withoutAStoreStartUpFailsSayingHowToGetOne() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable root = context.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(ParleyStoreMissingException.class)
                    .hasMessageContaining("chat-jpa").hasMessageContaining("parley.store=memory");
        });
    }

    @Test
    void theFailureAnalyzerExplainsAMissingStore() {
        var analysis = new ParleyStoreMissingFailureAnalyzer().analyze(new ParleyStoreMissingException());

        assertThat(analysis.getDescription()).contains("store");
        assertThat(analysis.getAction()).contains("parley.store=memory").contains("ChatStore");
    }

    @Test
    void theInMemoryStoreIsUsedOnlyWhenAskedForAndEveryServiceIsABean() {
        memory.run(context -> {
            assertThat(context).hasSingleBean(InMemoryChatStore.class); // wrapped by the webhooks' primary store
            Parley parley = context.getBean(Parley.class);
            assertThat(parley.store()).isSameAs(context.getBean(ChatStore.class));
            assertThat(context.getBean(ChatService.class)).isSameAs(parley.chats());
            assertThat(context.getBean(PresenceTracker.class)).isSameAs(parley.presence());
            assertThat(context.getBean(AnalyticsCalculator.class)).isSameAs(parley.analytics());
            assertThat(context.getBean(DepartmentService.class)).isSameAs(parley.departments());
            assertThat(context.getBean(KnowledgeBase.class)).isSameAs(parley.knowledgeBase());
            assertThat(context.getBean(UploadService.class)).isSameAs(parley.uploads());
            assertThat(context.getBean(Outbox.class)).isSameAs(parley.outbox());
        });
    }

    @Test
    void settingsAndTheUploadPolicyComeFromProperties() {
        memory.withPropertyValues("parley.chat.max-message-length=100", "parley.presence.heartbeat-timeout=90s",
                "parley.analytics.time-zone=Europe/Paris", "parley.outbox.max-attempts=3",
                "parley.uploads.max-file-size=2MB", "parley.uploads.allowed-types=png,pdf",
                "parley.uploads.max-per-chat=4").run(context -> {
                    ParleySettings settings = context.getBean(ParleySettings.class);
                    assertThat(settings.maxMessageLength()).isEqualTo(100);
                    assertThat(settings.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(settings.timeZone().getId()).isEqualTo("Europe/Paris");
                    assertThat(settings.outbox().maxAttempts()).isEqualTo(3);
                    UploadPolicy policy = context.getBean(UploadPolicy.class);
                    assertThat(policy.maxBytes()).isEqualTo(2L * 1024 * 1024);
                    assertThat(policy.allowedTypes()).containsExactlyInAnyOrder(FileType.PNG, FileType.PDF);
                    assertThat(policy.maxUploadsPerChat()).isEqualTo(4);
                });
    }

    @Test
    void theDefaultsMatchTheCoresDocumentedDefaults() {
        memory.run(context -> {
            assertThat(context.getBean(ParleySettings.class)).isEqualTo(ParleySettings.DEFAULTS);
            assertThat(context.getBean(UploadPolicy.class)).isEqualTo(UploadPolicy.DEFAULT);
        });
    }

    @Test
    void anApplicationsStoreIsUsedWithoutAskingForOne() {
        runner.withUserConfiguration(OwnStore.class).run(context -> {
            assertThat(context).hasNotFailed();
            long id = context.getBean(Parley.class).chats().startChat(new StartChat("Ada", null, null, null, "Hi"))
                    .chat().id();
            assertThat(OwnStore.STORE.chats().find(id)).isPresent(); // through the webhooks' recording wrapper
        });
    }

    @Test
    void adminsComeFromPropertiesWhenTheApplicationHasNoDirectory() {
        memory.withPropertyValues("parley.admins[0].id=ana", "parley.admins[0].name=Ana",
                "parley.admins[0].email=ana@example.test", "parley.admins[0].departments=sales,finance",
                "parley.admins[1].id=ben").run(context -> {
                    AdminDirectory admins = context.getBean(AdminDirectory.class);
                    Admin ana = admins.find("ana").orElseThrow();
                    assertThat(ana.name()).isEqualTo("Ana");
                    assertThat(ana.email()).isEqualTo("ana@example.test");
                    assertThat(ana.role()).isEqualTo("admin");
                    assertThat(ana.departments()).containsExactlyInAnyOrder("sales", "finance");
                    assertThat(admins.find("ben").orElseThrow().name()).isEqualTo("ben");
                    assertThat(admins.all()).hasSize(2);
                });
    }

    @Test
    void withoutMailNotificationsAreLoggedAndFilesGoToTheLocalDisk(@TempDir Path dir) {
        memory.withPropertyValues("parley.files.local.directory=" + dir).run(context -> {
            assertThat(context.getBean(NotificationPort.class)).isInstanceOf(LoggingNotifier.class);
            FileStorage storage = context.getBean(FileStorage.class);
            assertThat(storage).isInstanceOf(LocalFileStorage.class);
            assertThat(((LocalFileStorage) storage).root()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(context.getBean(Parley.class).fileStorage()).isSameAs(storage);
        });
    }

    @Test
    void everyPortOfTheApplicationReplacesTheDefault() {
        memory.withUserConfiguration(OwnPorts.class).run(context -> {
            assertThat(context).hasSingleBean(NotificationPort.class).hasSingleBean(FileStorage.class)
                    .hasSingleBean(AdminDirectory.class).hasSingleBean(ParleySettings.class)
                    .hasSingleBean(UploadPolicy.class);
            assertThat(context.getBean(NotificationPort.class)).isSameAs(OwnPorts.NOTIFICATIONS);
            assertThat(context.getBean(Parley.class).fileStorage()).isSameAs(OwnPorts.STORAGE);
            assertThat(context.getBean(Parley.class).settings().maxMessageLength()).isEqualTo(42);
            assertThat(context.getBean(AdminDirectory.class).find("own")).isPresent();
        });
    }

    @Test
    void anApplicationsParleyAndServicesReplaceTheDefaults() {
        memory.withUserConfiguration(OwnParley.class).run(context -> {
            assertThat(context).hasSingleBean(Parley.class);
            assertThat(context.getBean(Parley.class)).isSameAs(OwnParley.PARLEY);
            assertThat(context.getBean(ChatService.class)).isSameAs(OwnParley.PARLEY.chats());
        });
        memory.withUserConfiguration(OwnChatService.class).run(context -> {
            assertThat(context).hasSingleBean(ChatService.class);
            assertThat(context.getBean(ChatService.class)).isNotSameAs(context.getBean(Parley.class).chats());
        });
    }

    @Test
    void theDispatcherDeliversNotificationsInTheBackgroundWhileTheContextRuns() {
        memory.withUserConfiguration(RecordingNotifications.class)
                .withPropertyValues("parley.admins[0].id=ana", "parley.admins[0].email=ana@example.test",
                        "parley.outbox.poll-interval=50ms")
                .run(context -> {
                    context.getBean(ChatService.class).startChat(new StartChat("Ada", null, null, null, "Hello"));

                    await().atMost(Duration.ofSeconds(10)).until(() -> !RecordingNotifications.SEEN.isEmpty());
                    assertThat(RecordingNotifications.SEEN.get(0)).isInstanceOf(NewChatNotification.class);
                    assertThat(context.getBean(ParleyDispatcherLifecycle.class).isRunning()).isTrue();
                });
    }

    @Test
    void theDispatcherStopsWithTheContext() {
        memory.run(context -> {
            ParleyDispatcherLifecycle lifecycle = context.getBean(ParleyDispatcherLifecycle.class);
            assertThat(lifecycle.isRunning()).isTrue();
            context.close();
            assertThat(lifecycle.isRunning()).isFalse();
        });
    }

    @Test
    void eventListenerBeansReceiveChanges() {
        memory.withUserConfiguration(RecordingListener.class).run(context -> {
            context.getBean(ChatService.class).startChat(new StartChat("Ada", null, null, null, "Hello"));

            assertThat(context.getBean(RecordingListener.class).events)
                    .anyMatch(e -> e instanceof ChatEvent.ChatStarted);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        static final ChatStore STORE = new InMemoryChatStore();

        @Bean
        ChatStore ownStore() {
            return STORE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPorts {
        static final NotificationPort NOTIFICATIONS = n -> { };
        static final FileStorage STORAGE = new FileStorage() {
            @Override
            public StoredFile store(dev.parley.chat.file.FileToStore file) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(String publicId) {}
        };

        @Bean
        NotificationPort ownNotifications() {
            return NOTIFICATIONS;
        }

        @Bean
        FileStorage ownStorage() {
            return STORAGE;
        }

        @Bean
        AdminDirectory ownAdmins() {
            return AdminDirectory.of(List.of(new Admin("own", "Own", null, "admin", Set.of())));
        }

        @Bean
        ParleySettings ownSettings() {
            return ParleySettings.DEFAULTS.withMaxMessageLength(42);
        }

        @Bean
        UploadPolicy ownPolicy() {
            return new UploadPolicy(1024, Set.of(FileType.PNG), 1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnParley {
        static final Parley PARLEY = Parley.builder().build();

        @Bean
        Parley ownParley() {
            return PARLEY;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChatService {
        @Bean
        ChatService ownChatService() {
            return Parley.builder().build().chats();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingNotifications {
        static final List<Notification> SEEN = new CopyOnWriteArrayList<>();

        @Bean
        NotificationPort recordingPort() {
            return SEEN::add;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingListener implements ChatEventListener {
        final List<ChatEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(ChatEvent event) {
            events.add(event);
        }
    }
}
