package dev.parley.chat.webhook;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.WebhookEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The JSON bodies of webhooks: {@code {"type", "timestamp", "data"}}; never the visitor's session id. */
final class Payloads {

    private final JsonMapper json = JsonMapper.builder().build();

    String body(WebhookEventType type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("timestamp", at.toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    static Map<String, Object> chat(Chat c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("visitorName", c.visitorName());
        m.put("visitorEmail", c.visitorEmail());
        m.put("visitorPhone", c.visitorPhone());
        m.put("department", c.department());
        m.put("status", c.status().name());
        m.put("assignedTo", c.assignedTo());
        m.put("rating", c.rating());
        m.put("ratingComment", c.ratingComment());
        m.put("createdAt", text(c.createdAt()));
        m.put("updatedAt", text(c.updatedAt()));
        m.put("resolvedAt", text(c.resolvedAt()));
        return m;
    }

    static Map<String, Object> message(ChatMessage msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", msg.id());
        m.put("chatId", msg.chatId());
        m.put("sender", msg.sender().name());
        m.put("senderId", msg.senderId());
        m.put("message", msg.message());
        m.put("messageType", msg.messageType().name());
        m.put("internal", !msg.messageType().visibleToVisitor());
        m.put("fileUrl", msg.fileUrl());
        m.put("fileName", msg.fileName());
        m.put("fileSize", msg.fileSize());
        m.put("createdAt", text(msg.createdAt()));
        return m;
    }

    private static @Nullable String text(@Nullable Instant t) {
        return t == null ? null : t.toString();
    }
}
