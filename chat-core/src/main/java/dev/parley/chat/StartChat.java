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
 */
public record StartChat(
        @Nullable String visitorName,
        @Nullable String visitorEmail,
        @Nullable String visitorPhone,
        @Nullable String department,
        @Nullable String message) {}
