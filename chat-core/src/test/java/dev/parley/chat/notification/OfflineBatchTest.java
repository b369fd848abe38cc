package dev.parley.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The offline batch of a chat stays bounded: the first {@value OfflineMessagesNotification#MAX_LINES} messages are
 * listed and the rest only counted, however many arrive; batches written before the count existed still work.
 */
class OfflineBatchTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final int N = OfflineMessagesNotification.MAX_LINES;

    private final InMemoryChatStore store = new InMemoryChatStore();
    private final List<Notification> delivered = new CopyOnWriteArrayList<>();
    private final NotificationCodec codec = new NotificationCodec();
    private Parley parley;
    private PostedMessage chat;

    @BeforeEach
    void startChatWithNobodyOnline() {
        parley = Parley.builder()
                .store(store)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .settings(ParleySettings.DEFAULTS.withOfflineBatchWindow(Duration.ZERO))
                .admins(AdminDirectory.of(List.of(new Admin("ada", "Ada", "ada@staff.test", "admin", Set.of()))))
                .notificationPort(delivered::add)
                .build();
        chat = parley.chats().startChat(new StartChat("Grace", null, null, "general", "Hello?"));
        parley.outbox().dispatchDue();
        delivered.clear();
    }

    @AfterEach
    void close() {
        parley.close();
    }

    private void post(int i) {
        parley.chats().postVisitorMessage(VisitorMessage.text(chat.sessionId(), note(i)));
    }

    private static String note(int i) {
        return String.format("offline note #%04d", i);
    }

    private String pendingPayload() {
        return store.outbox().findUnclaimed("offline:" + chat.chat().id()).orElseThrow().payload();
    }

    private OfflineMessagesNotification deliverTheBatch() {
        assertThat(parley.outbox().dispatchDue()).isEqualTo(1);
        assertThat(delivered).hasSize(1);
        return (OfflineMessagesNotification) delivered.remove(0);
    }

    @Test
    void twoThousandMessagesKeepThePayloadAtTheSizeOfTheFirstFiftyAndCountTheRest() {
        for (int i = 1; i <= N; i++) {
            post(i);
        }
        String full = pendingPayload();
        post(N + 1);
        String oneMore = pendingPayload();
        for (int i = N + 2; i <= 2_000; i++) {
            post(i);
        }
        String last = pendingPayload();

        assertThat(oneMore).contains("\"moreMessages\":1}");
        assertThat(last).as("the same payload, only the count differs")
                .isEqualTo(oneMore.replace("\"moreMessages\":1}", "\"moreMessages\":1950}"));
        assertThat(last.length()).isEqualTo(full.length() + 3);

        OfflineMessagesNotification email = deliverTheBatch();
        assertThat(email.messages()).extracting(OfflineMessagesNotification.Line::text)
                .containsExactly(IntStream.rangeClosed(1, N).mapToObj(OfflineBatchTest::note).toArray(String[]::new));
        assertThat(email.moreMessages()).isEqualTo(2_000 - N);
        assertThat(email.messageCount()).isEqualTo(2_000);

        post(2_001);
        OfflineMessagesNotification next = deliverTheBatch();
        assertThat(next.messages()).extracting(OfflineMessagesNotification.Line::text).containsExactly(note(2_001));
        assertThat(next.moreMessages()).isZero();
    }

    @Test
    void aBatchOfFewMessagesListsThemAllAndCountsNothingMore() {
        for (int i = 1; i <= 3; i++) {
            post(i);
        }
        assertThat(pendingPayload()).contains("\"moreMessages\":0");

        OfflineMessagesNotification email = deliverTheBatch();
        assertThat(email.messages()).extracting(OfflineMessagesNotification.Line::text)
                .containsExactly(note(1), note(2), note(3));
        assertThat(email.moreMessages()).isZero();
    }

    @Test
    void aPendingBatchWrittenBeforeTheCountExistedTakesTheNextMessage() {
        pendingOldBatch(3);
        post(4);

        OfflineMessagesNotification email = deliverTheBatch();
        assertThat(email.messages()).extracting(OfflineMessagesNotification.Line::text)
                .containsExactly("old 1", "old 2", "old 3", note(4));
        assertThat(email.moreMessages()).isZero();
    }

    @Test
    void anOversizedBatchWrittenBeforeTheCountExistedShrinksToTheFirstFiftyAndTheCount() {
        pendingOldBatch(1_500);
        post(1_501);

        assertThat(pendingPayload()).contains("\"moreMessages\":1451").doesNotContain("old 51\"");
        OfflineMessagesNotification email = deliverTheBatch();
        assertThat(email.messages()).hasSize(N).first().extracting(OfflineMessagesNotification.Line::text)
                .isEqualTo("old 1");
        assertThat(email.messages().get(N - 1).text()).isEqualTo("old 50");
        assertThat(email.messageCount()).isEqualTo(1_501);
    }

    /** A pending batch in the payload format of earlier versions: a list of lines and no count. */
    private void pendingOldBatch(int lines) {
        List<String> json = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            json.add("{\"messageId\":" + (1_000 + i) + ",\"text\":\"old " + i
                    + "\",\"sentAt\":\"2026-03-10T09:59:00Z\"}");
        }
        String payload = "{\"recipients\":[\"ada@staff.test\"],\"chatId\":" + chat.chat().id()
                + ",\"visitorName\":\"Grace\",\"visitorEmail\":null,\"department\":\"general\",\"messages\":["
                + String.join(",", json) + "]}";
        store.outbox().insert(OutboxItem.pending("OFFLINE_MESSAGES", "offline:" + chat.chat().id(), payload, NOW,
                NOW));
    }
}
