package dev.parley.benchmarks;

/** Stand-in DDL until chat-jpa's migrations are on the classpath. */
final class ProvisionalSchema {

    private ProvisionalSchema() {}

    static void create(Database db) {
        String ts = db.isPostgres() ? "timestamptz" : "timestamp with time zone";
        db.execute("CREATE TABLE IF NOT EXISTS " + Schema.CHAT + " (id bigint primary key, session_id varchar(64) not null unique, "
                + "visitor_name varchar(100) not null, visitor_email varchar(254), visitor_phone varchar(40), "
                + "department varchar(50) not null, assigned_to varchar(200), status varchar(16) not null, "
                + "created_at " + ts + " not null, updated_at " + ts + " not null, first_response_at " + ts + ", "
                + "resolved_at " + ts + ", response_time bigint, resolution_time bigint, rating int, "
                + "rating_comment varchar(1000), offline_message boolean not null, "
                + "offline_notification_sent boolean not null, email_notification_sent boolean not null, "
                + "total_messages bigint not null, visitor_messages bigint not null, admin_messages bigint not null, "
                + "response_count bigint not null, total_response_time bigint not null, longest_response_time bigint, "
                + "shortest_response_time bigint, awaiting_reply_since " + ts + ", first_message_at " + ts + ", "
                + "last_message_at " + ts + ")",
                "CREATE INDEX IF NOT EXISTS ix_chat_created ON " + Schema.CHAT + " (created_at)",
                "CREATE TABLE IF NOT EXISTS " + Schema.MESSAGE + " (id bigint primary key, chat_id bigint not null "
                + ", sender varchar(10) not null, sender_id varchar(200), message "
                + (db.isPostgres() ? "text" : "clob") + " not null, message_type varchar(10) not null, "
                + "file_url varchar(1000), file_name varchar(255), file_size bigint, created_at " + ts
                + " not null, read_at " + ts + ")",
                "CREATE SEQUENCE IF NOT EXISTS " + Schema.MESSAGE_SEQUENCE,
                "CREATE SEQUENCE IF NOT EXISTS " + Schema.CHAT_SEQUENCE,
                "CREATE INDEX IF NOT EXISTS ix_message_chat ON " + Schema.MESSAGE + " (chat_id, id)");
    }
}
