package dev.parley.chat.mail;

import dev.parley.chat.notification.AgentAvailableNotification;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.OfflineMessagesNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sample notifications for tests. */
final class Notifications {

    static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");

    private Notifications() {}

    static NewChatNotification newChat(String visitorName, String firstMessage, String... recipients) {
        return new NewChatNotification(List.of(recipients), 42, visitorName, "ada@visitor.test", "+44 20 7946 0000",
                "sales", "Sales", firstMessage, T0);
    }

    static OfflineMessagesNotification offline(String visitorName, int count, String... recipients) {
        List<OfflineMessagesNotification.Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new OfflineMessagesNotification.Line(100 + i, "message " + i, T0.plusSeconds(60L * i)));
        }
        return new OfflineMessagesNotification(List.of(recipients), 7, visitorName, null, "technical", lines);
    }

    static AgentAvailableNotification agentAvailable(String visitorName, String visitorEmail) {
        return new AgentAvailableNotification(List.of(visitorEmail), 9, visitorName, "general");
    }
}
