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
    void anUnknownKindIsRefused() {
        assertThatThrownBy(() -> codec.decode("SMOKE_SIGNAL", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMOKE_SIGNAL");
    }
}
