package dev.parley.chat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.chat.AdminPresence;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.FileToStore;
import dev.parley.chat.file.FileType;
import dev.parley.chat.file.StoredFile;
import dev.parley.chat.file.UploadPolicy;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.presence.OnlineAdmin;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every port or service bean an application declares is the bean in the context and the one Parley's rules use:
 * each case shows the host's bean at work through the chat rules, the dispatcher or the assembly.
 */
class PortOverridesTest {

    private static final StartChat HELLO = new StartChat("Ada", null, null, null, "Hello");

    private final ApplicationContextRunner memory = new ApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with())
            .withPropertyValues("parley.store=memory", "parley.outbox.enabled=false");

    @Test
    void aHostPresenceTrackerDecidesWhetherAStartedChatWaits() {
        memory.withUserConfiguration(OwnPresence.class).run(context -> {
            StaffPresence own = context.getBean(StaffPresence.class);
            assertThat(context).hasSingleBean(PresenceTracker.class);
            assertThat(context.getBean(PresenceTracker.class)).isSameAs(own);
            assertThat(context.getBean(Parley.class).presence()).isSameAs(own);
            ChatService chats = context.getBean(ChatService.class);

            assertThat(chats.startChat(HELLO).chat().status()).isEqualTo(ChatStatus.WAITING);
            own.online.add("ana");
            PostedMessage second = chats.startChat(HELLO);

            assertThat(second.chat().status()).isEqualTo(ChatStatus.ACTIVE);
            assertThat(second.adminOnline()).isTrue();
            assertThat(own.asked).contains("general");
        });
    }

    @Test
    void aHostNotificationPortReceivesTheNewChatNotificationWhenTheOutboxDispatches() {
        memory.withUserConfiguration(OwnNotifications.class)
                .withPropertyValues("parley.admins[0].id=ana", "parley.admins[0].email=ana@example.test")
                .run(context -> {
                    RecordingPort own = context.getBean(RecordingPort.class);
                    assertThat(context).hasSingleBean(NotificationPort.class);
                    long chatId = context.getBean(ChatService.class).startChat(HELLO).chat().id();

                    assertThat(context.getBean(Outbox.class).dispatchDue()).isEqualTo(1);

                    assertThat(own.seen).singleElement().isInstanceOfSatisfying(NewChatNotification.class, n -> {
                        assertThat(n.chatId()).isEqualTo(chatId);
                        assertThat(n.recipients()).containsExactly("ana@example.test");
                    });
                });
    }

    @Test
    void aHostFileStorageReceivesAnUpload() {
        memory.withUserConfiguration(OwnStorage.class).run(context -> {
            MapStorage own = context.getBean(MapStorage.class);
            assertThat(context).hasSingleBean(FileStorage.class);
            assertThat(context.getBean(Parley.class).fileStorage()).isSameAs(own);
            String session = context.getBean(ChatService.class).startChat(HELLO).sessionId();

            StoredFile stored = context.getBean(UploadService.class).upload(session, "dot.png",
                    new ByteArrayInputStream(png()));

            assertThat(stored.url()).startsWith("memory://");
            assertThat(own.files).containsKey(stored.publicId());
            assertThat(own.files.get(stored.publicId()).type()).isEqualTo(FileType.PNG);
        });
    }

    @Test
    void aHostUploadPolicyDecidesWhichFilesAreAccepted() {
        memory.withUserConfiguration(OwnStorage.class, PdfOnly.class).run(context -> {
            assertThat(context).hasSingleBean(UploadPolicy.class);
            String session = context.getBean(ChatService.class).startChat(HELLO).sessionId();

            ParleyException refused = catchThrowableOfType(ParleyException.class, () -> context
                    .getBean(UploadService.class).upload(session, "dot.png", new ByteArrayInputStream(png())));

            assertThat(refused.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE);
            assertThat(context.getBean(MapStorage.class).files).isEmpty();
        });
    }

    @Test
    void aHostChatStoreHoldsTheChats() {
        new ApplicationContextRunner().withConfiguration(ParleyAutoConfigurations.with())
                .withUserConfiguration(OwnStore.class).run(context -> {
                    // the one ChatStore besides the host's is the webhooks' wrapper around it
                    ChatStore own = context.getBean("ownStore", ChatStore.class);
                    assertThat(context.getBeanNamesForType(ChatStore.class)).contains("ownStore").hasSize(2);
                    long chatId = context.getBean(ChatService.class).startChat(HELLO).chat().id();

                    assertThat(own.chats().find(chatId)).isPresent();
                    assertThat(own.departments().findBySlug("general")).isPresent();
                });
    }

    @Test
    void aHostAdminDirectoryDecidesWhoIsStaff() {
        memory.withUserConfiguration(OwnAdmins.class).withPropertyValues("parley.admins[0].id=ana").run(context -> {
            assertThat(context).hasSingleBean(AdminDirectory.class);
            PresenceTracker presence = context.getBean(PresenceTracker.class);

            ParleyException refused = catchThrowableOfType(ParleyException.class,
                    () -> presence.heartbeat("ana", Heartbeat.onlineForAll()));
            presence.heartbeat("own", Heartbeat.onlineForAll());

            assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(context.getBean(ChatService.class).startChat(HELLO).chat().status())
                    .isEqualTo(ChatStatus.ACTIVE);
        });
    }

    @Test
    void aHostClockDatesTheChats() {
        memory.withUserConfiguration(OwnClock.class).run(context -> {
            PostedMessage started = context.getBean(ChatService.class).startChat(HELLO);

            assertThat(started.chat().createdAt()).isEqualTo(OwnClock.NOW);
            assertThat(started.message().createdAt()).isEqualTo(OwnClock.NOW);
        });
    }

    @Test
    void hostSettingsBoundTheChatRules() {
        memory.withUserConfiguration(OwnSettings.class).run(context -> {
            assertThat(context).hasSingleBean(ParleySettings.class);
            ChatService chats = context.getBean(ChatService.class);

            ParleyException refused = catchThrowableOfType(ParleyException.class,
                    () -> chats.startChat(new StartChat("Ada", null, null, null, "x".repeat(43))));

            assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(chats.startChat(new StartChat("Ada", null, null, null, "x".repeat(42))).message().message())
                    .hasSize(42);
        });
    }

    @Test
    void hostServicesAreTheAssemblysServices() {
        memory.withUserConfiguration(OwnServices.class).run(context -> {
            Parley parley = context.getBean(Parley.class);
            List<String> calls = context.getBean(OwnServices.class).calls;
            assertThat(context).hasSingleBean(AnalyticsCalculator.class).hasSingleBean(DepartmentService.class)
                    .hasSingleBean(BusinessHoursService.class).hasSingleBean(KnowledgeBase.class)
                    .hasSingleBean(UploadService.class);
            assertThat(parley.analytics()).isSameAs(context.getBean(AnalyticsCalculator.class));
            assertThat(parley.departments()).isSameAs(context.getBean(DepartmentService.class));
            assertThat(parley.businessHours()).isSameAs(context.getBean(BusinessHoursService.class));
            assertThat(parley.knowledgeBase()).isSameAs(context.getBean(KnowledgeBase.class));
            assertThat(parley.uploads()).isSameAs(context.getBean(UploadService.class));
            String session = parley.chats().startChat(HELLO).sessionId();

            assertThat(parley.analytics().calculate(new AnalyticsQuery(7, ZoneId.of("UTC"))).summary().totalChats())
                    .isEqualTo(1);
            assertThat(parley.departments().get("general").slug()).isEqualTo("general");
            assertThat(parley.businessHours().now("general").department()).isEqualTo("general");
            assertThat(parley.knowledgeBase().list()).isNotEmpty();
            parley.uploads().upload(session, "dot.png", new ByteArrayInputStream(png()));

            assertThat(calls).containsExactly("AnalyticsCalculator.calculate", "DepartmentService.get",
                    "BusinessHoursService.now", "KnowledgeBase.list", "UploadService.upload");
        });
    }

    @Test
    void aHostOutboxIsTheDispatcherThatRuns() {
        new ApplicationContextRunner().withConfiguration(ParleyAutoConfigurations.with())
                .withUserConfiguration(OwnOutbox.class)
                .withPropertyValues("parley.admins[0].id=ana", "parley.admins[0].email=ana@example.test")
                .run(context -> {
                    OwnOutbox own = context.getBean(OwnOutbox.class);
                    assertThat(context).hasSingleBean(Outbox.class);
                    assertThat(context.getBean(Outbox.class).owner()).isEqualTo("host-dispatcher");
                    context.getBean(ChatService.class).startChat(HELLO);

                    await().atMost(Duration.ofSeconds(10)).until(() -> !own.delivered.seen.isEmpty());
                    assertThat(own.delivered.seen).singleElement().isInstanceOf(NewChatNotification.class);
                    assertThat(own.assemblysPort.seen).isEmpty();
                });
    }

    @Test
    void aHostChatServiceMayWrapTheAssemblysRules() {
        memory.withUserConfiguration(WrappedChats.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ChatService.class);
            context.getBean(ChatService.class).startChat(HELLO);

            assertThat(context.getBean(WrappedChats.class).calls).containsExactly("ChatService.startChat");
            assertThat(context.getBean(ChatStore.class).chats().findByStatus(ChatStatus.WAITING, null)).hasSize(1);
        });
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A decorator of {@code delegate} that notes each call as {@code Type.method} before passing it on. */
    @SuppressWarnings("unchecked")
    static <T> T recording(Class<T> type, T delegate, List<String> calls) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                calls.add(type.getSimpleName() + "." + method.getName());
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** A host's own presence: who is online comes from elsewhere (here, a set), and every question is noted. */
    static final class StaffPresence implements PresenceTracker {
        final Set<String> online = ConcurrentHashMap.newKeySet();
        final List<@Nullable String> asked = new CopyOnWriteArrayList<>();

        @Override
        public AdminPresence heartbeat(String adminId, Heartbeat heartbeat) {
            if (heartbeat.online()) {
                online.add(adminId);
            } else {
                online.remove(adminId);
            }
            return new AdminPresence(adminId, heartbeat.online(), Instant.now(), heartbeat.socketId(),
                    heartbeat.department());
        }

        @Override
        public void goOffline(String adminId) {
            online.remove(adminId);
        }

        @Override
        public List<OnlineAdmin> online(@Nullable String department) {
            return List.of();
        }

        @Override
        public boolean anyOnline(@Nullable String department) {
            asked.add(department);
            return !online.isEmpty();
        }

        @Override
        public Duration heartbeatTimeout() {
            return Duration.ofMinutes(2);
        }
    }

    static final class RecordingPort implements NotificationPort {
        final List<Notification> seen = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(Notification notification) {
            seen.add(notification);
        }
    }

    /** Files kept in a map, as a host's own object storage would keep them. */
    static final class MapStorage implements FileStorage {
        final Map<String, FileToStore> files = new ConcurrentHashMap<>();

        @Override
        public StoredFile store(FileToStore file) {
            files.put(file.storedName(), file);
            return new StoredFile("memory://" + file.storedName(), file.storedName(), file.originalName(),
                    file.content().length, file.type().mimeType());
        }

        @Override
        public void delete(String publicId) {
            files.remove(publicId);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPresence {
        @Bean
        StaffPresence staffPresence() {
            return new StaffPresence();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnNotifications {
        @Bean
        RecordingPort recordingPort() {
            return new RecordingPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStorage {
        @Bean
        MapStorage mapStorage() {
            return new MapStorage();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PdfOnly {
        @Bean
        UploadPolicy pdfOnly() {
            return new UploadPolicy(1024 * 1024, Set.of(FileType.PDF), 5);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        @Bean
        ChatStore ownStore() {
            return new InMemoryChatStore();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAdmins {
        @Bean
        AdminDirectory ownAdmins() {
            return AdminDirectory.of(List.of(new Admin("own", "Own", null, "admin", Set.of())));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClock {
        static final Instant NOW = Instant.parse("2026-03-29T00:59:30Z");

        @Bean
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSettings {
        @Bean
        ParleySettings ownSettings() {
            return ParleySettings.DEFAULTS.withMaxMessageLength(42);
        }
    }

    /**
     * A host's services: each wraps the default of a separate assembly over the same store (a host would add its own
     * rules; here each call is noted). They do not depend on the {@link Parley} bean, which is assembled from them.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnServices {
        final List<String> calls = new CopyOnWriteArrayList<>();
        private final ChatStore store = new InMemoryChatStore();
        private final Parley defaults = Parley.builder().store(store).fileStorage(new MapStorage()).build();

        @Bean
        ChatStore servicesStore() {
            return store;
        }

        @Bean
        AnalyticsCalculator ownAnalytics() {
            return recording(AnalyticsCalculator.class, defaults.analytics(), calls);
        }

        @Bean
        DepartmentService ownDepartments() {
            return recording(DepartmentService.class, defaults.departments(), calls);
        }

        @Bean
        BusinessHoursService ownBusinessHours() {
            return recording(BusinessHoursService.class, defaults.businessHours(), calls);
        }

        @Bean
        KnowledgeBase ownKnowledgeBase() {
            return recording(KnowledgeBase.class, defaults.knowledgeBase(), calls);
        }

        @Bean
        UploadService ownUploads() {
            return recording(UploadService.class, defaults.uploads(), calls);
        }
    }

    /** A host's own dispatcher over the store, delivering through its own port, polling every 50 ms. */
    @Configuration(proxyBeanMethods = false)
    static class OwnOutbox {
        final RecordingPort delivered = new RecordingPort();
        final RecordingPort assemblysPort = new RecordingPort();
        private final ChatStore store = new InMemoryChatStore();

        @Bean
        ChatStore outboxStore() {
            return store;
        }

        @Bean
        NotificationPort assemblysPort() {
            return assemblysPort;
        }

        @Bean
        Outbox hostOutbox() {
            var settings = new ParleySettings.OutboxSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Duration.ofMinutes(1), Duration.ofMillis(50), 10);
            return new Outbox(store, delivered, Clock.systemUTC(), settings, "host-dispatcher");
        }
    }

    /** A host's ChatService that wraps the assembly's: it may depend on {@link Parley}, which does not need it. */
    @Configuration(proxyBeanMethods = false)
    static class WrappedChats {
        final List<String> calls = new ArrayList<>();

        @Bean
        ChatService wrappedChats(Parley parley) {
            return recording(ChatService.class, parley.chats(), calls);
        }
    }
}
