package dev.parley.benchmarks;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.analytics.ChatAnalytics;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads generated chats straight into the chat-jpa tables, fast: PostgreSQL {@code COPY … FROM STDIN} through
 * {@link CopyManager}, H2 batched inserts. Ids continue after the largest id present, so a dataset can grow.
 */
final class DataLoader {

    private static final int CHUNK = 20_000;

    private final Database db;
    private final ChatGenerator generator;

    DataLoader(Database db, ChatGenerator generator) {
        this.db = db;
        this.generator = generator;
    }

    /** Adds chats until the table holds {@code total}; answers how many messages were added. */
    long growTo(long total) throws SQLException {
        long chats = count("SELECT count(*) FROM " + Schema.CHAT);
        long nextChat = count("SELECT coalesce(max(id), 0) FROM " + Schema.CHAT) + 1;
        long nextMessage = count("SELECT coalesce(max(id), 0) FROM " + Schema.MESSAGE) + 1;
        long added = 0;
        while (chats < total) {
            int n = (int) Math.min(CHUNK, total - chats);
            List<ChatGenerator.Generated> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ChatGenerator.Generated g = generator.chat(nextChat++, nextMessage);
                nextMessage += g.messages().size();
                added += g.messages().size();
                batch.add(g);
            }
            if (db.isPostgres()) {
                copy(batch);
            } else {
                insert(batch);
            }
            chats += n;
        }
        advance(Schema.CHAT_SEQUENCE, nextChat + 100);
        advance(Schema.MESSAGE_SEQUENCE, nextMessage + 100);
        rebuildStoreRollups();
        analyze();
        return added;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The rows loaded here bypass the store, so chat-jpa's own rollup table (kept by the store in every chat
     * transaction) is rebuilt from the chat rows with the statement of its migration (V002).
     */
    private void rebuildStoreRollups() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            boolean present = false;
            while (tables.next()) {
                present |= tables.getString("TABLE_NAME").equalsIgnoreCase(Schema.ROLLUP);
            }
            if (!present) {
                return;
            }
        }
        db.execute("DELETE FROM " + Schema.ROLLUP, "INSERT INTO " + Schema.ROLLUP + " (bucket_start, department, "
                + "total, active, resolved, rated, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5, "
                + "responded, response_time_sum, timed_resolutions, resolution_time_sum, message_sum) "
                + "SELECT s - MOD(MOD(s, 900) + 900, 900), department, COUNT(*), "
                + "SUM(CASE WHEN status IN ('ACTIVE', 'WAITING') THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END), "
                + "COUNT(rating), COALESCE(SUM(rating), 0), "
                + "SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END), COUNT(response_time), "
                + "COALESCE(SUM(response_time), 0), COUNT(resolution_time), COALESCE(SUM(resolution_time), 0), "
                + "SUM(total_messages) FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT) AS s, "
                + "department, status, rating, response_time, resolution_time, total_messages FROM " + Schema.CHAT
                + ") c GROUP BY s - MOD(MOD(s, 900) + 900, 900), department");
        if (db.isPostgres()) {
            db.execute("VACUUM ANALYZE " + Schema.ROLLUP);
        }
    }

    /** Moves the sequence past the generated ids, so that rows Parley inserts later do not collide. */
    private void advance(String sequence, long next) {
        db.execute(db.isPostgres() ? "SELECT setval('" + sequence + "', " + next + ")"
                : "ALTER SEQUENCE " + sequence + " RESTART WITH " + next);
    }

    private void analyze() {
        if (db.isPostgres()) {
            db.execute("VACUUM ANALYZE " + Schema.CHAT, "VACUUM ANALYZE " + Schema.MESSAGE);
        } else {
            db.execute("ANALYZE");
        }
    }

    private void copy(List<ChatGenerator.Generated> batch) throws SQLException {
        StringBuilder chats = new StringBuilder(batch.size() * 300);
        StringBuilder messages = new StringBuilder(batch.size() * 600);
        for (ChatGenerator.Generated g : batch) {
            csv(chats, chatValues(g.chat()));
            for (ChatMessage m : g.messages()) {
                csv(messages, messageValues(m));
            }
        }
        try (Connection c = db.dataSource().getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn("COPY " + Schema.CHAT + " (" + Schema.CHAT_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(chats.toString()));
                copy.copyIn("COPY " + Schema.MESSAGE + " (" + Schema.MESSAGE_COLUMNS
                        + ") FROM STDIN WITH (FORMAT csv)", new StringReader(messages.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }
    }

    private void insert(List<ChatGenerator.Generated> batch) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement pc = c.prepareStatement(insertSql(Schema.CHAT, Schema.CHAT_COLUMNS));
                    PreparedStatement pm = c.prepareStatement(insertSql(Schema.MESSAGE, Schema.MESSAGE_COLUMNS))) {
                int rows = 0;
                for (ChatGenerator.Generated g : batch) {
                    bind(pc, chatValues(g.chat()));
                    pc.addBatch();
                    for (ChatMessage m : g.messages()) {
                        bind(pm, messageValues(m));
                        pm.addBatch();
                    }
                    if (++rows % 1_000 == 0) {
                        pc.executeBatch();
                        pm.executeBatch();
                    }
                }
                pc.executeBatch();
                pm.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static String insertSql(String table, String columns) {
        int n = columns.split(",").length;
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
    }

    static Object[] chatValues(Chat c) {
        ChatAnalytics a = c.analytics();
        return new Object[] {c.id(), c.sessionId(), c.visitorName(), c.visitorEmail(), c.visitorPhone(),
            c.department(), c.assignedTo(), c.status().name(), c.createdAt(), c.updatedAt(), c.firstResponseAt(),
            c.resolvedAt(), c.responseTime(), c.resolutionTime(), c.rating(), c.ratingComment(), c.offlineMessage(),
            c.offlineNotificationSent(), c.emailNotificationSent(), a.totalMessages(), a.visitorMessages(),
            a.adminMessages(), a.responseCount(), a.totalResponseTime(), a.longestResponseTime(),
            a.shortestResponseTime(), a.awaitingReplySince(), a.firstMessageAt(), a.lastMessageAt()};
    }

    static Object[] messageValues(ChatMessage m) {
        return new Object[] {m.id(), m.chatId(), m.sender().name(), m.senderId(), m.message(),
            m.messageType().name(), m.createdAt()};
    }

    private static void csv(StringBuilder out, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v instanceof String s) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append('\n');
    }

    static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            @Nullable Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Instant t) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
