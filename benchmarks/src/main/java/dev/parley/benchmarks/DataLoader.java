package dev.parley.benchmarks;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.store.ChatStore;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

    /**
     * Adds chats until the table holds {@code total}; answers how many messages were added. The store's rollups are
     * stale afterwards: see {@link #rebuildStoreRollups}.
     */
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
     * The rows loaded here bypass the store, so chat-jpa's rollup rows (the quarter hours and the days of the report
     * zone, kept by the store in every chat transaction) are rebuilt from the chat rows by the store's own rebuild,
     * {@code JpaChatStore.rebuildRollups()} (looked up by name, like the store itself: see {@link Stores}).
     */
    void rebuildStoreRollups(ChatStore store) throws SQLException {
        Method rebuild;
        try {
            rebuild = store.getClass().getMethod("rebuildRollups");
        } catch (NoSuchMethodException e) {
            return; // a store without rollups
        }
        try {
            rebuild.invoke(store);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (db.isPostgres()) {
            db.execute("VACUUM ANALYZE " + Schema.ROLLUP);
        } else {
            db.execute("ANALYZE");
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
