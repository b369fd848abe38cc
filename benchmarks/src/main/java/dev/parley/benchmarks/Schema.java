package dev.parley.benchmarks;

/**
 * The chat-jpa tables the baselines and the data generator write and read directly (names as in chat-jpa's
 * migration files, without table prefix).
 */
final class Schema {

    static final String CHAT = "parley_chat";
    static final String MESSAGE = "parley_message";
    static final String PRESENCE = "parley_presence";
    static final String OUTBOX = "parley_outbox";
    /** chat-jpa's rollup table (migration V002), kept by the store. */
    static final String ROLLUP = "parley_chat_rollup";

    /** The presence table's "is online" column. */
    static final String PRESENCE_ONLINE = "online";

    /** The sequences of the chat and message ids. */
    static final String CHAT_SEQUENCE = "parley_chat_seq";
    static final String MESSAGE_SEQUENCE = "parley_message_seq";

    /** Columns of the chat table the generator fills, in COPY order. */
    static final String CHAT_COLUMNS = "id, session_id, visitor_name, visitor_email, visitor_phone, department, "
            + "assigned_to, status, created_at, updated_at, first_response_at, resolved_at, response_time, "
            + "resolution_time, rating, rating_comment, offline_message, offline_notification_sent, "
            + "email_notification_sent, total_messages, visitor_messages, admin_messages, response_count, "
            + "total_response_time, longest_response_time, shortest_response_time, awaiting_reply_since, "
            + "first_message_at, last_message_at";

    /** Columns of the message table the generator and the ingest baseline fill, in COPY order. */
    static final String MESSAGE_COLUMNS = "id, chat_id, sender, sender_id, message, message_type, created_at";

    private Schema() {}

    /** The SQL expression of the sequence's next value. */
    static String nextId(Database db, String sequence) {
        return db.isPostgres() ? "nextval('" + sequence + "')" : "NEXT VALUE FOR " + sequence;
    }
}
