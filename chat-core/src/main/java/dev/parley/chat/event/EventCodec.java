package dev.parley.chat.event;

import dev.parley.chat.store.EventRecords;
import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns change events into event-log payloads and back: JSON of the form {@code {"type":"MessagePosted","event":{…}}},
 * so that a node reads exactly the event another node wrote. Unknown fields are ignored, so that a node of the
 * previous version reads what a newer one wrote during a rolling deploy.
 */
public final class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The event as a draft for the log. */
    public EventRecords.Draft draft(ChatEvent event, Instant at) {
        return new EventRecords.Draft(chatId(event), at, encode(event));
    }

    /** The event as JSON. */
    public String encode(ChatEvent event) {
        ObjectNode root = json.createObjectNode();
        root.put("type", event.getClass().getSimpleName());
        root.set("event", json.valueToTree(event));
        return json.writeValueAsString(root);
    }

    /**
     * The event of a payload.
     *
     * @throws IllegalArgumentException when the payload is no event this version knows
     */
    public ChatEvent decode(String payload) {
        JsonNode root = json.readTree(payload);
        String type = root.path("type").asString("");
        Class<? extends ChatEvent> kind = switch (type) {
            case "ChatStarted" -> ChatEvent.ChatStarted.class;
            case "MessagePosted" -> ChatEvent.MessagePosted.class;
            case "ChatUpdated" -> ChatEvent.ChatUpdated.class;
            case "ChatRated" -> ChatEvent.ChatRated.class;
            case "ChatTransferred" -> ChatEvent.ChatTransferred.class;
            case "PresenceChanged" -> ChatEvent.PresenceChanged.class;
            case "DepartmentChanged" -> ChatEvent.DepartmentChanged.class;
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
        return json.treeToValue(root.get("event"), kind);
    }

    /** The chat an event is about, 0 for presence and department changes. */
    public static long chatId(ChatEvent event) {
        if (event instanceof ChatEvent.ChatStarted e) {
            return e.chat().id();
        }
        if (event instanceof ChatEvent.MessagePosted e) {
            return e.chat().id();
        }
        if (event instanceof ChatEvent.ChatUpdated e) {
            return e.chat().id();
        }
        if (event instanceof ChatEvent.ChatRated e) {
            return e.chat().id();
        }
        if (event instanceof ChatEvent.ChatTransferred e) {
            return e.chat().id();
        }
        return 0;
    }
}
