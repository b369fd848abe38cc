package dev.parley.chat.store;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Stored chats. */
public interface ChatRecords {

    /** Stores a new chat (its id is ignored) and answers it with the assigned id. */
    Chat insert(Chat chat);

    /** Overwrites the stored chat with the same id. */
    void update(Chat chat);

    /** The chat with this id. */
    Optional<Chat> find(long id);

    /** The chat with this session id. */
    Optional<Chat> findBySessionId(String sessionId);

    /** The chat with this id, locked until the current transaction ends (SELECT … FOR UPDATE). */
    Optional<Chat> lock(long id);

    /** The chat with this session id, locked until the current transaction ends. */
    Optional<Chat> lockBySessionId(String sessionId);

    /** Chats matching the filter, most recently updated first (then highest id), each with its latest message. */
    Page<ChatSummary> list(ChatFilter filter, PageRequest page);

    /** Chats in this status, oldest first; only those of the department when it is not null. */
    List<Chat> findByStatus(ChatStatus status, @Nullable String department);

    /** How many chats refer to the department. */
    long countByDepartment(String slug);

    /** Moves every chat of one department slug to another; answers how many moved. */
    int moveDepartment(String fromSlug, String toSlug);
}
