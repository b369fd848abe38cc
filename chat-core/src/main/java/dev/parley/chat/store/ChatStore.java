package dev.parley.chat.store;

import dev.parley.chat.Chat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What persistence must provide. Adapters only read and write; every rule lives in the core services.
 *
 * <p>All record methods run inside the current {@link Transactions#inTransaction transaction} when there is one,
 * and in a transaction of their own otherwise.
 */
public interface ChatStore {

    /** Transactions over every record store below. */
    Transactions transactions();

    /** Chats, with their per-chat analytics. */
    ChatRecords chats();

    /** Messages. */
    MessageRecords messages();

    /** Departments. */
    DepartmentRecords departments();

    /** Knowledge-base articles. */
    ArticleRecords articles();

    /** Admin presence. */
    PresenceRecords presence();

    /** The notification outbox. */
    OutboxRecords outbox();

    /** Webhook endpoints, their deliveries and attempts; the default is for stores that keep none. */
    default WebhookRecords webhooks() {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no webhooks");
    }

    /** Records of uploaded files. */
    FileRecords files();

    /** Business hours of the departments. */
    HoursRecords hours();

    /** Canned responses. */
    CannedResponseRecords cannedResponses();

    /** Automatic assignment: department modes, admin capacities and the queue. */
    AssignmentRecords assignment();

    /** Aggregates for the analytics report, computed where the data is. */
    AnalyticsQueries analytics();

    /** The event log: the live events, in the order every node reads them. */
    EventRecords events();

    /**
     * Adds a message to the chat with this session id and stores the chat's next state, both or neither, as
     * {@code next} decides from the stored chat. {@code next} answers empty to store nothing and may throw; it runs
     * again, with the chat as it is then, when the chat changed before the write could be done, so it must have no
     * side effects. Answers what was stored (the message with its assigned id), or empty when no chat has this
     * session id or {@code next} answered empty.
     *
     * <p>The default runs {@code next} on the chat locked in a transaction (the current one, if any). A store may
     * instead read the chat without a lock and write in one statement that applies only while the chat row still
     * equals what {@code next} was given.
     */
    default Optional<Append> appendMessage(String sessionId, Function<Chat, Optional<Append>> next) {
        return transactions().inTransaction(() -> chats().lockBySessionId(sessionId).flatMap(next).map(a -> {
            var stored = messages().insert(a.message());
            chats().update(a.chat());
            return new Append(a.chat(), stored);
        }));
    }

    /**
     * {@link #appendMessage(String, Function)} that also appends to the event log, atomically with the message, the
     * events {@code events} makes of what is stored (the message with its assigned id). A store that writes in one
     * statement may call {@code events} before the id is known, with the message's id
     * {@link EventRecords#MESSAGE_ID_PLACEHOLDER}, and put the assigned id in the payloads in its place.
     */
    default Optional<Append> appendMessage(String sessionId, Function<Chat, Optional<Append>> next,
            Function<Append, List<EventRecords.Draft>> events) {
        return transactions().inTransaction(() -> appendMessage(sessionId, next).map(a -> {
            events().append(events.apply(a));
            return a;
        }));
    }
}
