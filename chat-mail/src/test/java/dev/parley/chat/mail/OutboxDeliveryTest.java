package dev.parley.chat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.ParleySettings.OutboxSettings;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.StartChat;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.file.LocalFileStorage;
import dev.parley.chat.notification.OutboxStats;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP outages: nothing is lost, nothing is sent twice, and what cannot be sent ends up visible as failed. */
class OutboxDeliveryTest {

    private static final Duration BACKOFF = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final TestSmtp smtp = TestSmtp.started();
    @TempDir
    private Path files;
    private MailNotifier mail;
    private Parley parley;

    private Parley parley(int maxAttempts, Duration pollInterval) {
        OutboxSettings outbox = new OutboxSettings(maxAttempts, BACKOFF, Duration.ofMinutes(5), Duration.ofMinutes(1),
                pollInterval, 100);
        mail = new MailNotifier(smtp.settings()
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5)).build());
        parley = Parley.builder()
                .store(new InMemoryChatStore())
                .clock(clock)
                .settings(ParleySettings.DEFAULTS.withOutbox(outbox))
                .admins(AdminDirectory.of(List.of(new Admin("ops", "Ops", "ops@staff.test", "admin", Set.of()))))
                .notificationPort(mail)
                .fileStorage(new LocalFileStorage(files, "/files"))
                .build();
        return parley;
    }

    @AfterEach
    void stop() {
        if (parley != null) {
            parley.close();
            mail.close();
        }
        smtp.close();
    }

    private List<Long> startChats(int count) {
        return LongStream.range(0, count)
                .mapToObj(i -> parley.chats().startChat(new StartChat("Visitor " + i, null, null, "general",
                        "Question " + i)).chat().id())
                .toList();
    }

    @Test
    void aThousandNotificationsQueuedDuringAnOutageAreAllDeliveredOnceItEnds() throws Exception {
        parley(8, Duration.ofSeconds(1));
        smtp.stop();
        List<Long> chats = startChats(1_000);

        assertThat(parley.outbox().dispatchDue()).isEqualTo(1_000);
        assertThat(parley.outbox().stats()).extracting(OutboxStats::pending, OutboxStats::sent, OutboxStats::failed)
                .containsExactly(1_000L, 0L, 0L);
        assertThat(parley.store().outbox().list(OutboxStatus.PENDING, 2_000)).hasSize(1_000)
                .allSatisfy(item -> {
                    assertThat(item.attempts()).isEqualTo(1);
                    assertThat(item.lastError()).isNotBlank();
                    assertThat(item.nextAttemptAt()).isEqualTo(clock.instant().plus(BACKOFF));
                });
        assertThat(parley.outbox().dispatchDue()).as("nothing is retried before its backoff").isZero();

        clock.advance(BACKOFF);
        assertThat(parley.outbox().dispatchDue()).as("second attempt, still down").isEqualTo(1_000);
        assertThat(parley.store().outbox().list(OutboxStatus.PENDING, 2_000))
                .allSatisfy(item -> assertThat(item.attempts()).isEqualTo(2));

        smtp.start();
        clock.advance(BACKOFF.multipliedBy(2).minusSeconds(1));
        assertThat(parley.outbox().dispatchDue()).as("the backoff doubled").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(parley.outbox().dispatchDue()).isEqualTo(1_000);

        clock.advance(Duration.ofHours(1));
        assertThat(parley.outbox().dispatchDue()).isZero();
        Map<String, Long> emailsPerChat = smtp.received().stream()
                .map(m -> Emails.header(m, MailNotifier.CHAT_ID_HEADER))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(emailsPerChat).hasSize(1_000).allSatisfy((chat, count) -> assertThat(count).isEqualTo(1));
        assertThat(emailsPerChat.keySet()).containsExactlyInAnyOrderElementsOf(
                chats.stream().map(String::valueOf).toList());
        assertThat(parley.outbox().stats()).extracting(OutboxStats::pending, OutboxStats::sent, OutboxStats::failed)
                .containsExactly(0L, 1_000L, 0L);
    }

    @Test
    void afterTheLastAttemptANotificationIsFailedAndVisible() throws Exception {
        parley(3, Duration.ofSeconds(1));
        smtp.stop();
        List<Long> chats = startChats(2);

        parley.outbox().dispatchDue();
        clock.advance(BACKOFF);
        parley.outbox().dispatchDue();
        assertThat(parley.outbox().stats().failed()).isZero();
        clock.advance(BACKOFF.multipliedBy(2));
        parley.outbox().dispatchDue();

        assertThat(parley.outbox().stats()).extracting(OutboxStats::pending, OutboxStats::sent, OutboxStats::failed)
                .containsExactly(0L, 0L, 2L);
        List<OutboxItem> failed = parley.outbox().failed(10);
        assertThat(failed).hasSize(2).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(item.kind()).isEqualTo("NEW_CHAT");
            assertThat(item.attempts()).isEqualTo(3);
            assertThat(item.lastError()).contains("MailConnectException");
        });
        assertThat(parley.outbox().failed(1)).hasSize(1);

        smtp.start();
        clock.advance(Duration.ofDays(1));
        assertThat(parley.outbox().dispatchDue()).as("failed items are not retried by themselves").isZero();
        assertThat(smtp.received()).isEmpty();
        assertThat(chats).allSatisfy(id -> assertThat(parley.chats().getChat(id).emailNotificationSent()).isFalse());
    }

    @Test
    void onceStartedTheDispatcherDeliversInTheBackground() {
        parley(8, Duration.ofMillis(50)).start();

        long chat = startChats(1).get(0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(smtp.received()).hasSize(1));
        assertThat(Emails.header(smtp.received().get(0), MailNotifier.CHAT_ID_HEADER)).isEqualTo(String.valueOf(chat));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(parley.outbox().stats().sent()).isEqualTo(1));
    }
}
