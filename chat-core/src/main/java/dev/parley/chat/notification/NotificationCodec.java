package dev.parley.chat.notification;

import tools.jackson.databind.json.JsonMapper;

/** Turns notifications into outbox payloads (JSON) and back. */
public final class NotificationCodec {

    private final JsonMapper json = JsonMapper.builder().build();

    /** The kind name stored with a notification. */
    public String kind(Notification notification) {
        if (notification instanceof NewChatNotification) {
            return "NEW_CHAT";
        }
        if (notification instanceof OfflineMessagesNotification) {
            return "OFFLINE_MESSAGES";
        }
        return "AGENT_AVAILABLE";
    }

    /** The notification as JSON. */
    public String encode(Notification notification) {
        return json.writeValueAsString(notification);
    }

    /** The notification stored under this kind. */
    public Notification decode(String kind, String payload) {
        Class<? extends Notification> type = switch (kind) {
            case "NEW_CHAT" -> NewChatNotification.class;
            case "OFFLINE_MESSAGES" -> OfflineMessagesNotification.class;
            case "AGENT_AVAILABLE" -> AgentAvailableNotification.class;
            default -> throw new IllegalArgumentException("unknown notification kind '" + kind + "'");
        };
        return json.readValue(payload, type);
    }
}
