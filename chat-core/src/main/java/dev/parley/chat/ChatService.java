package dev.parley.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Starting and continuing chats, admin replies, status, assignment, ratings, and reading chats.
 *
 * <p>Every method validates its input and throws a {@link ParleyException} with a message that says what to fix;
 * a failed call stores nothing.
 */
public interface ChatService {

    /** Starts a chat with the visitor's first message. */
    PostedMessage startChat(StartChat request);

    /** Adds a visitor message to the chat of its session id; a RESOLVED chat is reopened, a CLOSED one refuses. */
    PostedMessage postVisitorMessage(VisitorMessage request);

    /**
     * The visitor's view of their chat: messages after the cursor (all when null), without internal notes, and the
     * status.
     */
    Transcript readChat(@Nullable String sessionId, @Nullable MessageCursor after);

    /** Rates a RESOLVED or CLOSED chat, once, from 1 to 5 with an optional comment. */
    Chat rateChat(@Nullable String sessionId, int rating, @Nullable String comment);

    /** Adds an admin reply; the first one records the chat's first response. */
    ChatMessage postAdminMessage(AdminMessage request);

    /**
     * Adds an internal note that only admins see: never in the visitor's reads, stream or emails; it is no reply
     * (no first response, no status move, not counted in the analytics).
     */
    ChatMessage addNote(ChatNote note);

    /**
     * Transfers a chat to another admin, department or both, with a SYSTEM message the visitor sees and an optional
     * internal note; changing the department unassigns an admin who does not serve the new one.
     */
    Chat transferChat(ChatTransfer transfer);

    /** Changes a chat's status, department or assignee. */
    Chat updateChat(ChatUpdate update);

    /** One chat by id. */
    Chat getChat(long chatId);

    /** A chat's messages for admins, oldest first, after the cursor (all when null). */
    List<ChatMessage> messages(long chatId, @Nullable MessageCursor after);

    /** Chats matching the filter, most recently updated first. */
    Page<ChatSummary> listChats(ChatFilter filter, PageRequest page);
}
