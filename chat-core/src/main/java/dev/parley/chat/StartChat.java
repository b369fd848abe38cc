package dev.parley.chat;

import org.jspecify.annotations.Nullable;

/**
 * What a visitor sends to start a chat.
 *
 * @param visitorName  required, 1 to 100 characters
 * @param visitorEmail optional, a plausible address
 * @param visitorPhone optional, digits and {@code + ( ) - . space}
 * @param department   a slug of an active department; null means {@code general}
 * @param message      the first message, required
 * @param emailReplies whether the visitor asked to be emailed at {@code visitorEmail} (e.g. when an agent becomes
 *                     available); without it Parley never emails the visitor
 */
public record StartChat(
        @Nullable String visitorName,
        @Nullable String visitorEmail,
        @Nullable String visitorPhone,
        @Nullable String department,
        @Nullable String message,
        boolean emailReplies) {

    /** A request without the email opt-in. */
    public StartChat(@Nullable String visitorName, @Nullable String visitorEmail, @Nullable String visitorPhone,
            @Nullable String department, @Nullable String message) {
        this(visitorName, visitorEmail, visitorPhone, department, message, false);
    }
}
