package dev.parley.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of event a webhook endpoint can subscribe to; {@link #wireName()} is the {@code type} sent. */
public enum WebhookEventType {
    /** A visitor started a chat. */
    CHAT_STARTED("chat.started"),
    /** A message was added to a chat (visitor, admin or system); internal notes too, with {@code internal: true}. */
    MESSAGE_CREATED("message.created"),
    /** A chat's status, department or assignee changed. */
    CHAT_UPDATED("chat.updated"),
    /** A visitor rated a chat. */
    CHAT_RATED("chat.rated"),
    /** An admin transferred a chat to another admin or department (a {@code chat.updated} is sent too). */
    CHAT_TRANSFERRED("chat.transferred"),
    /** Reserved: a transcript was emailed (not sent yet). */
    TRANSCRIPT_SENT("transcript.sent");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in payloads and the API, e.g. {@code chat.started}. */
    public String wireName() {
        return wireName;
    }

    /** The type of a wire name (or of an enum name, any case), if there is one. */
    public static Optional<WebhookEventType> parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(n) || t.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }
}
