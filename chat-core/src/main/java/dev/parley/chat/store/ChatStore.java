package dev.parley.chat.store;

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

    /** Records of uploaded files. */
    FileRecords files();

    /** Aggregates for the analytics report, computed where the data is. */
    AnalyticsQueries analytics();
}
