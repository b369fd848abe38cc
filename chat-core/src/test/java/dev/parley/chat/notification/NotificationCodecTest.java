package dev.parley.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outbox payloads: every notification survives JSON and back, with its kind; an unknown kind is refused. */
class NotificationCodecTest {

    private final NotificationCodec codec = new NotificationCodec();
    private static final Instant AT = Instant.parse("2026-03-10T10:00:00.123456Z");

    private void roundTrips(Notification n, String kind) {
        assertThat(codec.kind(n)).isEqualTo(kind);
        assertThat(codec.decode(kind, codec.encode(n))).isEqualTo(n);
    }

    @Test
    void everyKindRoundTrips() {
        roundTrips(new NewChatNotification(List.of("a@example.com", "b@example.com"), 7, "Ada <script>\"",
                "ada@example.org", null, "sales", "Sales & Co", "Hi\nthere ✓", AT), "NEW_CHAT");
        roundTrips(new OfflineMessagesNotification(List.of("a@example.com"), 7, "Ada", null, "general",
                List.of(new OfflineMessagesNotification.Line(1, "one", AT),
                        new OfflineMessagesNotification.Line(2, "two\r\nBcc: x", AT.plusSeconds(1)))),
                "OFFLINE_MESSAGES");
        roundTrips(new AgentAvailableNotification(List.of("ada@example.org"), 7, "Ada", "general"),
                "AGENT_AVAILABLE");
    }

    @Test
    void aBatchGrowsByOneLineAtATime() {
        var batch = new OfflineMessagesNotification(List.of("a@example.com"), 7, "Ada", null, "general",
                List.of(new OfflineMessagesNotification.Line(1, "one", AT)));
        var more = batch.plus(new OfflineMessagesNotification.Line(2, "two", AT));
        assertThat(more.messages()).extracting(OfflineMessagesNotification.Line::text).containsExactly("one", "two");
        assertThat(batch.messages()).hasSize(1);
    }

    @Test
    void aFullBatchCountsFurtherMessagesInsteadOfListingThem() {
        var batch = new OfflineMessagesNotification(List.of("a@example.com"), 7, "Ada", null, "general", List.of());
        for (int i = 1; i <= OfflineMessagesNotification.MAX_LINES + 2; i++) {
            batch = batch.plus(new OfflineMessagesNotification.Line(i, "m" + i, AT));
        }
        int max = OfflineMessagesNotification.MAX_LINES;
        assertThat(batch.messages()).hasSize(max).last().extracting(OfflineMessagesNotification.Line::text)
                .isEqualTo("m" + max);
        assertThat(batch.moreMessages()).isEqualTo(2);
        assertThat(batch.messageCount()).isEqualTo(max + 2);
        roundTrips(batch, "OFFLINE_MESSAGES");
    }

    @Test
    void aBatchWithoutTheCountOfEarlierVersionsDecodesWithNothingMore() {
        String old = "{\"recipients\":[\"a@example.com\"],\"chatId\":7,\"visitorName\":\"Ada\","
                + "\"visitorEmail\":null,\"department\":\"general\",\"messages\":[{\"messageId\":1,\"text\":\"one\","
                + "\"sentAt\":\"2026-03-10T10:00:00.123456Z\"}]}";
        assertThat(codec.decode("OFFLINE_MESSAGES", old)).isEqualTo(new OfflineMessagesNotification(
                List.of("a@example.com"), 7, "Ada", null, "general",
                List.of(new OfflineMessagesNotification.Line(1, "one", AT)), 0));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> new OfflineMessagesNotification(List.of("a@example.com"), 7, "Ada", null, "general",
                List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThatThrownBy(() -> codec.decode("SMOKE_SIGNAL", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMOKE_SIGNAL");
    }
}
