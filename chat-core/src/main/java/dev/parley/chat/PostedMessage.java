package dev.parley.chat;

/**
 * The answer to a visitor's message (first or later).
 *
 * @param chat        the chat after the message was stored
 * @param message     the stored message
 * @param adminOnline whether an admin of the chat's department is online now
 */
public record PostedMessage(Chat chat, ChatMessage message, boolean adminOnline) {

    /** The chat's session id, the visitor's credential. */
    public String sessionId() {
        return chat.sessionId();
    }
}
