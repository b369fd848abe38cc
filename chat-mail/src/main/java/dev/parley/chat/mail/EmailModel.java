package dev.parley.chat.mail;

import dev.parley.chat.notification.AgentAvailableNotification;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.OfflineMessagesNotification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values a template sees; absent optional values are left out so that {@code {{#value}}} sections skip. Values
 * that are one line by nature (names, addresses, phone) are folded into one line, so that not even the text part can
 * be given fake lines; only message texts keep their line breaks.
 */
final class EmailModel {

    private static final int MAX_LINE = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private EmailModel() {}

    static Map<String, Object> of(Notification notification, MailSettings settings) {
        Map<String, Object> m = new HashMap<>();
        MailBranding b = settings.branding();
        m.put("productName", b.productName());
        m.put("primaryColor", b.primaryColor());
        put(m, "logoUrl", b.logoUrl());
        m.put("chatId", notification.chatId());
        m.put("chatUrl", settings.chatUrl(notification.chatId()));
        m.put("forStaff", !(notification instanceof AgentAvailableNotification));
        if (notification instanceof NewChatNotification n) {
            m.put("visitorName", line(n.visitorName()));
            put(m, "visitorEmail", line(n.visitorEmail()));
            put(m, "visitorPhone", line(n.visitorPhone()));
            m.put("department", line(n.department()));
            m.put("departmentName", line(n.departmentName()));
            m.put("firstMessage", n.firstMessage());
            m.put("createdAt", time(n.createdAt()));
        } else if (notification instanceof OfflineMessagesNotification n) {
            m.put("visitorName", line(n.visitorName()));
            put(m, "visitorEmail", line(n.visitorEmail()));
            m.put("department", line(n.department()));
            List<Map<String, Object>> lines = new ArrayList<>();
            for (OfflineMessagesNotification.Line line : n.messages()) {
                lines.add(Map.of("text", line.text(), "sentAt", time(line.sentAt()),
                        "attachmentOnly", line.text().isBlank()));
            }
            m.put("messages", lines);
            m.put("messageCount", n.messageCount());
            m.put("plural", n.messageCount() != 1);
            if (n.moreMessages() > 0) {
                m.put("moreMessages", n.moreMessages());
                m.put("morePlural", n.moreMessages() != 1);
            }
        } else if (notification instanceof AgentAvailableNotification n) {
            // Nothing the visitor typed (not even their name): the address may be a stranger's, and the email must
            // not carry the sender's words under the host's name.
            m.put("department", line(n.department()));
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, @Nullable Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static @Nullable String line(@Nullable String value) {
        return value == null ? null : MailChecks.oneLine(value, MAX_LINE);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
