package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.analytics.ChatAnalytics;
import dev.parley.chat.store.Append;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.jspecify.annotations.Nullable;

/**
 * Appends a message on PostgreSQL without holding the chat's row lock across round trips: reads the chat, lets the
 * core decide, then writes in one statement that applies only while the chat row still holds exactly what was read
 * (a compare-and-set on every column). The statement updates the chat, inserts the message and adds the rollup
 * differences as data-modifying CTEs, so it runs as its own transaction: two round trips per message in all, where
 * the locking path takes four and a commit. When the row changed in between, nothing is written and the core
 * decides again on the chat as it is then; after {@link #ATTEMPTS} such misses the caller takes the locking path.
 */
final class MessageAppends {

    /** Optimistic attempts before the caller falls back to the chat's row lock. */
    static final int ATTEMPTS = 2;

    /** The chat's columns but the id, in the order {@link #read} expects them. */
    private static final List<Column> COLUMNS = List.of(
            new Column("session_id", Types.VARCHAR, Chat::sessionId),
            new Column("visitor_name", Types.VARCHAR, Chat::visitorName),
            new Column("visitor_email", Types.VARCHAR, Chat::visitorEmail),
            new Column("visitor_phone", Types.VARCHAR, Chat::visitorPhone),
            new Column("department", Types.VARCHAR, Chat::department),
            new Column("assigned_to", Types.VARCHAR, Chat::assignedTo),
            new Column("status", Types.VARCHAR, c -> c.status().name()),
            new Column("created_at", Types.TIMESTAMP_WITH_TIMEZONE, Chat::createdAt),
            new Column("updated_at", Types.TIMESTAMP_WITH_TIMEZONE, Chat::updatedAt),
            new Column("first_response_at", Types.TIMESTAMP_WITH_TIMEZONE, Chat::firstResponseAt),
            new Column("resolved_at", Types.TIMESTAMP_WITH_TIMEZONE, Chat::resolvedAt),
            new Column("response_time", Types.BIGINT, Chat::responseTime),
            new Column("resolution_time", Types.BIGINT, Chat::resolutionTime),
            new Column("rating", Types.INTEGER, Chat::rating),
            new Column("rating_comment", Types.VARCHAR, Chat::ratingComment),
            new Column("offline_message", Types.BOOLEAN, Chat::offlineMessage),
            new Column("offline_notification_sent", Types.BOOLEAN, Chat::offlineNotificationSent),
            new Column("email_notification_sent", Types.BOOLEAN, Chat::emailNotificationSent),
            new Column("total_messages", Types.BIGINT, c -> c.analytics().totalMessages()),
            new Column("visitor_messages", Types.BIGINT, c -> c.analytics().visitorMessages()),
            new Column("admin_messages", Types.BIGINT, c -> c.analytics().adminMessages()),
            new Column("response_count", Types.BIGINT, c -> c.analytics().responseCount()),
            new Column("total_response_time", Types.BIGINT, c -> c.analytics().totalResponseTime()),
            new Column("longest_response_time", Types.BIGINT, c -> c.analytics().longestResponseTime()),
            new Column("shortest_response_time", Types.BIGINT, c -> c.analytics().shortestResponseTime()),
            new Column("awaiting_reply_since", Types.TIMESTAMP_WITH_TIMEZONE, c -> c.analytics().awaitingReplySince()),
            new Column("first_message_at", Types.TIMESTAMP_WITH_TIMEZONE, c -> c.analytics().firstMessageAt()),
            new Column("last_message_at", Types.TIMESTAMP_WITH_TIMEZONE, c -> c.analytics().lastMessageAt()));

    private static final String MESSAGE_COLUMNS = "chat_id, sender, sender_id, message, message_type, file_url,"
            + " file_name, file_size, created_at, read_at";

    private final ConnectionProvider connections;
    private final Tables tables;
    private final ChatRollups rollups;
    private final String select;

    MessageAppends(ConnectionProvider connections, Tables tables, ChatRollups rollups) {
        this.connections = connections;
        this.tables = tables;
        this.rollups = rollups;
        this.select = "SELECT id, " + String.join(", ", COLUMNS.stream().map(Column::name).toList()) + " FROM "
                + tables.chat + " WHERE session_id = ?";
    }

    private record Column(String name, int sqlType, Function<Chat, @Nullable Object> value) {}

    /**
     * Appends with up to {@link #ATTEMPTS} optimistic attempts on one pooled connection, then, when the chat changed
     * under every one of them, with {@code locked}. Answers the stored append; empty when there is no such chat or
     * {@code next} answered empty.
     */
    Optional<Append> append(String sessionId, Function<Chat, Optional<Append>> next,
            Supplier<Optional<Append>> locked) {
        Optional<Append> appended = attempt(sessionId, next);
        return appended != null ? appended : locked.get();
    }

    /** The outcome of the attempts; null when the chat changed under each. */
    private @Nullable Optional<Append> attempt(String sessionId, Function<Chat, Optional<Append>> next) {
        Connection c = null;
        boolean autoCommit = true;
        try {
            c = connections.getConnection();
            autoCommit = c.getAutoCommit();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Chat before = read(c, sessionId);
                Optional<Append> decided = before == null ? Optional.empty() : next.apply(before);
                if (decided.isEmpty()) {
                    end(c, autoCommit);
                    return Optional.empty();
                }
                Append append = decided.get();
                if (append.chat().id() != before.id() || append.message().chatId() != before.id()) {
                    throw new IllegalArgumentException("an append must keep to the chat it was given");
                }
                Long id = write(c, before, append);
                end(c, autoCommit);
                if (id != null) {
                    return Optional.of(new Append(append.chat(), append.message().withId(id)));
                }
            }
            return null;
        } catch (SQLException e) {
            rollback(c, autoCommit, e);
            throw Errors.translate(new PersistenceException("appending a message failed", e));
        } catch (RuntimeException | Error e) {
            rollback(c, autoCommit, e);
            throw e;
        } finally {
            if (c != null) {
                try {
                    connections.closeConnection(c);
                } catch (SQLException ignored) {
                    // the pool logs a connection it cannot take back
                }
            }
        }
    }

    private static void end(Connection c, boolean autoCommit) throws SQLException {
        if (!autoCommit) {
            c.commit();
        }
    }

    private static void rollback(@Nullable Connection c, boolean autoCommit, Throwable cause) {
        if (c != null && !autoCommit) {
            try {
                c.rollback();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private @Nullable Chat read(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? chat(rs) : null;
            }
        }
    }

    private static Chat chat(ResultSet rs) throws SQLException {
        return new Chat(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), ChatStatus.valueOf(rs.getString(8)), instant(rs, 9),
                instant(rs, 10), instant(rs, 11), instant(rs, 12), rs.getObject(13, Long.class),
                rs.getObject(14, Long.class), rs.getObject(15, Integer.class), rs.getString(16), rs.getBoolean(17),
                rs.getBoolean(18), rs.getBoolean(19), new ChatAnalytics(rs.getLong(20), rs.getLong(21),
                        rs.getLong(22), rs.getLong(23), rs.getLong(24), rs.getObject(25, Long.class),
                        rs.getObject(26, Long.class), instant(rs, 27), instant(rs, 28), instant(rs, 29)));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * The one statement: {@code UPDATE} of the chat's changed columns where every column still holds what was read,
     * the message {@code INSERT} and the rollup upsert fed by that update's row (none when it matched no row).
     * Answers the message's id, or null when the chat had changed.
     */
    private @Nullable Long write(Connection c, Chat before, Append append) throws SQLException {
        List<Object[]> params = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        StringBuilder where = new StringBuilder(" WHERE id = ?");
        for (Column col : COLUMNS) {
            Object was = col.value().apply(before);
            Object now = col.value().apply(append.chat());
            if (!Objects.equals(was, now)) {
                set.append(set.length() == 0 ? "" : ", ").append(col.name()).append(" = ?");
                params.add(new Object[] {now, col.sqlType()});
            }
        }
        params.add(new Object[] {before.id(), Types.BIGINT});
        for (Column col : COLUMNS) {
            Object was = col.value().apply(before);
            where.append(" AND ").append(col.name()).append(was == null ? " IS NULL" : " = ?");
            if (was != null) {
                params.add(new Object[] {was, col.sqlType()});
            }
        }
        if (set.length() == 0) {
            set.append("id = id");
        }
        ChatMessage m = append.message();
        StringBuilder sql = new StringBuilder("WITH c AS (UPDATE ").append(tables.chat).append(" SET ").append(set)
                .append(where).append(" RETURNING id), m AS (INSERT INTO ").append(tables.message).append(" (")
                .append(MESSAGE_COLUMNS).append(") SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM c RETURNING id)");
        params.add(new Object[] {m.sender().name(), Types.VARCHAR});
        params.add(new Object[] {m.senderId(), Types.VARCHAR});
        params.add(new Object[] {m.message(), Types.VARCHAR});
        params.add(new Object[] {m.messageType().name(), Types.VARCHAR});
        params.add(new Object[] {m.fileUrl(), Types.VARCHAR});
        params.add(new Object[] {m.fileName(), Types.VARCHAR});
        params.add(new Object[] {m.fileSize(), Types.BIGINT});
        params.add(new Object[] {m.createdAt(), Types.TIMESTAMP_WITH_TIMEZONE});
        params.add(new Object[] {m.readAt(), Types.TIMESTAMP_WITH_TIMEZONE});
        SortedMap<ChatRollups.Key, long[]> changes = new TreeMap<>();
        rollups.change(changes, before, append.chat());
        changes.values().removeIf(v -> Arrays.stream(v).allMatch(x -> x == 0));
        String rows = String.join(", ", changes.keySet().stream()
                .map(k -> "(" + "?, ".repeat(3 + ChatRollups.COLUMNS.size()) + "?)").toList());
        if (!changes.isEmpty()) {
            sql.append(", r AS (INSERT INTO ").append(tables.rollup).append(" (").append(ChatRollups.KEY_COLUMNS)
                    .append(", ").append(String.join(", ", ChatRollups.COLUMNS)).append(") SELECT v.* FROM c, (VALUES ")
                    .append(rows).append(") AS v").append(rollups.addOnConflict()).append(')');
        }
        sql.append(" SELECT id FROM m");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object[] p : params) {
                bind(s, i++, p[0], (int) p[1]);
            }
            for (Map.Entry<ChatRollups.Key, long[]> change : changes.entrySet()) {
                i = ChatRollups.bindChange(s, i, change.getKey(), change.getValue());
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void bind(PreparedStatement s, int index, @Nullable Object value, int sqlType)
            throws SQLException {
        if (value == null) {
            s.setNull(index, sqlType);
        } else if (value instanceof Instant t) {
            s.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value, sqlType);
        }
    }
}
