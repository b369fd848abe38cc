package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.jspecify.annotations.Nullable;

/**
 * Appends a message on PostgreSQL without holding the chat's row lock across round trips: takes the chat from this
 * node's copy of it ({@link RecentChats}) or reads it, lets the core decide, then writes in one statement that
 * applies only while the chat row is still the version the decision saw (a compare-and-set on {@code xmin}). The
 * statement updates the chat, inserts the message and adds the rollup differences as data-modifying CTEs, runs as its
 * own transaction and answers the row's new version; the chat as written (instants cut to microseconds, as bound)
 * becomes the copy. So a visitor's next message on this node is one round trip, the first (or one after a change
 * elsewhere) two, where the locking path takes four and a commit. When the row changed in between, nothing is
 * written and the core decides again on the row as it is then; after {@link #ATTEMPTS} such misses the caller takes
 * the locking path.
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
    private final RecentChats recent;
    private final String select;
    /** The statements by their {@link Shape}. */
    private final Map<Shape, String> writes = new ConcurrentHashMap<>();

    MessageAppends(ConnectionProvider connections, Tables tables, ChatRollups rollups, RecentChats recent) {
        this.connections = connections;
        this.tables = tables;
        this.rollups = rollups;
        this.recent = recent;
        this.select = "SELECT id, " + columnList() + ", xmin::text FROM " + tables.chat + " WHERE session_id = ?";
    }

    private static String columnList() {
        return String.join(", ", COLUMNS.stream().map(Column::name).toList());
    }

    /**
     * The shape of a statement: the chat columns it sets and the rollup sums it adds (a bit per column each), and
     * its number of rollup rows (a chat counts in two rows, see {@link ChatRollups#keysOf}, so a change touches at
     * most four, on a department move, usually two). A visitor's messages use a handful of shapes, each statement
     * prepared once per connection.
     */
    private record Shape(long setMask, int sumMask, int rollupRows) {}

    private String statement(Shape shape) {
        return writes.computeIfAbsent(shape, key -> {
            List<String> set = new ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                if ((shape.setMask() & (1L << i)) != 0) {
                    set.add(COLUMNS.get(i).name() + " = ?");
                }
            }
            StringBuilder sql = new StringBuilder("WITH c AS (UPDATE ").append(tables.chat).append(" SET ")
                    .append(set.isEmpty() ? "id = id" : String.join(", ", set))
                    .append(" WHERE id = ? AND xmin::text = ? RETURNING id, xmin::text AS version)")
                    .append(", m AS (INSERT INTO ").append(tables.message).append(" (").append(MESSAGE_COLUMNS)
                    .append(") SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM c RETURNING id)");
            if (shape.rollupRows() > 0) {
                List<String> values = new ArrayList<>(List.of("?", "?", "?", "?"));
                List<String> adds = new ArrayList<>();
                for (int i = 0; i < ChatRollups.COLUMNS.size(); i++) {
                    boolean adding = (shape.sumMask() & (1 << i)) != 0;
                    values.add(adding ? "?" : "0");
                    String col = ChatRollups.COLUMNS.get(i);
                    if (adding) {
                        adds.add(col + " = " + tables.rollup + "." + col + " + EXCLUDED." + col);
                    }
                }
                String row = "(" + String.join(", ", values) + ")";
                sql.append(", r AS (INSERT INTO ").append(tables.rollup).append(" (")
                        .append(ChatRollups.KEY_COLUMNS).append(", ").append(String.join(", ", ChatRollups.COLUMNS))
                        .append(") SELECT v.* FROM c, (VALUES ")
                        .append(String.join(", ", Collections.nCopies(shape.rollupRows(), row))).append(") AS v")
                        .append(" ON CONFLICT (").append(ChatRollups.KEY_COLUMNS).append(") DO UPDATE SET ")
                        .append(String.join(", ", adds)).append(')');
            }
            return sql.append(" SELECT m.id, c.version FROM m, c").toString();
        });
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

    /**
     * The outcome of the attempts; null when the row changed under each. A decision on this node's copy of the chat
     * (see {@link RecentChats}) that the write finds stale, or that {@code next} refuses, is taken again on the row
     * as read, and does not count as an attempt.
     */
    private @Nullable Optional<Append> attempt(String sessionId, Function<Chat, Optional<Append>> next) {
        Connection c = null;
        boolean autoCommit = true;
        try {
            c = connections.getConnection();
            autoCommit = c.getAutoCommit();
            RecentChats.Copy copy = recent.get(sessionId);
            int misses = 0;
            while (true) {
                boolean fromCopy = copy != null;
                RecentChats.Copy row = fromCopy ? copy : read(c, sessionId);
                copy = null;
                if (row == null) {
                    end(c, autoCommit);
                    return Optional.empty();
                }
                Chat before = row.chat();
                Optional<Append> decided;
                try {
                    decided = next.apply(before);
                } catch (RuntimeException e) {
                    if (fromCopy) {
                        recent.forget(sessionId);
                        continue;
                    }
                    throw e;
                }
                if (decided.isEmpty()) {
                    end(c, autoCommit);
                    return Optional.empty();
                }
                Append append = decided.get();
                if (append.chat().id() != before.id() || append.message().chatId() != before.id()
                        || !append.chat().sessionId().equals(before.sessionId())) {
                    throw new IllegalArgumentException("an append must keep to the chat it was given");
                }
                if (!append.chat().department().equals(before.department())
                        || !append.chat().createdAt().equals(before.createdAt())) {
                    end(c, autoCommit);
                    return null; // it moves the chat to other rollup rows, which may empty one: the locking path
                }
                Written written = write(c, row, append);
                end(c, autoCommit);
                if (written != null) {
                    recent.put(written.row());
                    ChatMessage m = append.message();
                    return Optional.of(new Append(written.row().chat(), new ChatMessage(written.messageId(),
                            m.chatId(), m.sender(), m.senderId(), m.message(), m.messageType(), m.fileUrl(),
                            m.fileName(), m.fileSize(), micros(m.createdAt()), micros(m.readAt()))));
                }
                recent.forget(sessionId);
                if (!fromCopy && ++misses >= ATTEMPTS) {
                    return null;
                }
            }
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

    private RecentChats.@Nullable Copy read(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new RecentChats.Copy(chat(rs, 1), rs.getString(COLUMNS.size() + 2)) : null;
            }
        }
    }

    /** The chat in the row's columns from {@code first} on: its id, then {@link #COLUMNS}. */
    private static Chat chat(ResultSet rs, int first) throws SQLException {
        int i = first - 1;
        return new Chat(rs.getLong(i + 1), rs.getString(i + 2), rs.getString(i + 3), rs.getString(i + 4),
                rs.getString(i + 5), rs.getString(i + 6), rs.getString(i + 7), ChatStatus.valueOf(rs.getString(i + 8)),
                instant(rs, i + 9), instant(rs, i + 10), instant(rs, i + 11), instant(rs, i + 12),
                rs.getObject(i + 13, Long.class), rs.getObject(i + 14, Long.class),
                rs.getObject(i + 15, Integer.class), rs.getString(i + 16), rs.getBoolean(i + 17),
                rs.getBoolean(i + 18), rs.getBoolean(i + 19), new ChatAnalytics(rs.getLong(i + 20),
                        rs.getLong(i + 21), rs.getLong(i + 22), rs.getLong(i + 23), rs.getLong(i + 24),
                        rs.getObject(i + 25, Long.class), rs.getObject(i + 26, Long.class), instant(rs, i + 27),
                        instant(rs, i + 28), instant(rs, i + 29)));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** What one statement stored: the chat's row and the message's id. */
    private record Written(RecentChats.Copy row, long messageId) {}

    /**
     * The one statement: {@code UPDATE} of the chat's row while its version ({@code xmin}, which every change of the
     * row replaces) is still the one read, the message {@code INSERT} and the rollup upsert fed by that update's row
     * (none when it matched no row). Answers the row and the message id as stored, or null when the chat had changed.
     */
    private @Nullable Written write(Connection c, RecentChats.Copy before, Append append) throws SQLException {
        SortedMap<ChatRollups.Key, long[]> changes = new TreeMap<>();
        rollups.change(changes, before.chat(), append.chat());
        changes.values().removeIf(v -> Arrays.stream(v).allMatch(x -> x == 0));
        ChatMessage m = append.message();
        long setMask = 0;
        List<Object[]> set = new ArrayList<>();
        for (int col = 0; col < COLUMNS.size(); col++) {
            Object now = COLUMNS.get(col).value().apply(append.chat());
            if (!Objects.equals(COLUMNS.get(col).value().apply(before.chat()), now)) {
                setMask |= 1L << col;
                set.add(new Object[] {now, COLUMNS.get(col).sqlType()});
            }
        }
        int sumMask = 0;
        for (long[] sums : changes.values()) {
            for (int col = 0; col < sums.length; col++) {
                sumMask |= sums[col] != 0 ? 1 << col : 0;
            }
        }
        try (PreparedStatement s = c.prepareStatement(statement(new Shape(setMask, sumMask, changes.size())))) {
            int i = 1;
            for (Object[] value : set) {
                bind(s, i++, value[0], (int) value[1]);
            }
            s.setLong(i++, before.chat().id());
            s.setString(i++, before.version());
            s.setString(i++, m.sender().name());
            bind(s, i++, m.senderId(), Types.VARCHAR);
            s.setString(i++, m.message());
            s.setString(i++, m.messageType().name());
            bind(s, i++, m.fileUrl(), Types.VARCHAR);
            bind(s, i++, m.fileName(), Types.VARCHAR);
            bind(s, i++, m.fileSize(), Types.BIGINT);
            bind(s, i++, m.createdAt(), Types.TIMESTAMP_WITH_TIMEZONE);
            bind(s, i++, m.readAt(), Types.TIMESTAMP_WITH_TIMEZONE);
            for (Map.Entry<ChatRollups.Key, long[]> change : changes.entrySet()) {
                i = ChatRollups.bindKey(s, i, change.getKey());
                for (int col = 0; col < ChatRollups.COLUMNS.size(); col++) {
                    if ((sumMask & (1 << col)) != 0) {
                        s.setLong(i++, change.getValue()[col]);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Written(new RecentChats.Copy(stored(append.chat()), rs.getString(2)),
                        rs.getLong(1)) : null;
            }
        }
    }

    private static void bind(PreparedStatement s, int index, @Nullable Object value, int sqlType)
            throws SQLException {
        if (value == null) {
            s.setNull(index, sqlType);
        } else if (value instanceof Instant t) {
            s.setObject(index, OffsetDateTime.ofInstant(micros(t), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value, sqlType);
        }
    }

    /** The instant as the column keeps it: PostgreSQL's timestamps hold microseconds, and are bound cut to them. */
    private static @Nullable Instant micros(@Nullable Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** The chat as its row holds it once written: every instant cut to microseconds. */
    private static Chat stored(Chat c) {
        ChatAnalytics a = c.analytics();
        return c.edit().createdAt(micros(c.createdAt())).updatedAt(micros(c.updatedAt()))
                .firstResponseAt(micros(c.firstResponseAt())).resolvedAt(micros(c.resolvedAt()))
                .analytics(new ChatAnalytics(a.totalMessages(), a.visitorMessages(), a.adminMessages(),
                        a.responseCount(), a.totalResponseTime(), a.longestResponseTime(), a.shortestResponseTime(),
                        micros(a.awaitingReplySince()), micros(a.firstMessageAt()), micros(a.lastMessageAt())))
                .build();
    }
}
