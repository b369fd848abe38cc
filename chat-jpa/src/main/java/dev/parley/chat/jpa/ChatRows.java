package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A chat's row in plain JDBC on PostgreSQL, for {@link MessageAppends}: its columns with the value each takes from a
 * {@link Chat}, the read of a row with its version ({@code xmin}), and the instants as the row keeps them
 * (microseconds).
 */
final class ChatRows {

    /** A chat column: its name, its JDBC type, and its value in a chat. */
    record Column(String name, int sqlType, Function<Chat, @Nullable Object> value) {}

    /** The chat's columns but the id, in the order {@link #chat} expects them. */
    static final List<Column> COLUMNS = List.of(
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
            new Column("last_message_at", Types.TIMESTAMP_WITH_TIMEZONE, c -> c.analytics().lastMessageAt()),
            new Column("email_replies", Types.BOOLEAN, Chat::visitorEmailReplies));

    private final String select;

    ChatRows(Tables tables) {
        this.select = "SELECT id, " + String.join(", ", COLUMNS.stream().map(Column::name).toList())
                + ", xmin::text FROM " + tables.chat + " WHERE session_id = ?";
    }

    /** The chat of this session id as its row is now, with the row's version; null when there is none. */
    RecentChats.@Nullable Copy read(Connection c, String sessionId) throws SQLException {
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
                        instant(rs, i + 28), instant(rs, i + 29)), rs.getBoolean(i + 30));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Binds a value of a chat or message column (an instant cut to microseconds), or SQL NULL. */
    static void bind(PreparedStatement s, int index, @Nullable Object value, int sqlType) throws SQLException {
        if (value == null) {
            s.setNull(index, sqlType);
        } else if (value instanceof Instant t) {
            s.setObject(index, OffsetDateTime.ofInstant(micros(t), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value, sqlType);
        }
    }

    /** The instant as the column keeps it: PostgreSQL's timestamps hold microseconds, and are bound cut to them. */
    static @Nullable Instant micros(@Nullable Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** The chat as its row holds it once written: every instant cut to microseconds. */
    static Chat stored(Chat c) {
        ChatAnalytics a = c.analytics();
        return c.edit().createdAt(micros(c.createdAt())).updatedAt(micros(c.updatedAt()))
                .firstResponseAt(micros(c.firstResponseAt())).resolvedAt(micros(c.resolvedAt()))
                .analytics(new ChatAnalytics(a.totalMessages(), a.visitorMessages(), a.adminMessages(),
                        a.responseCount(), a.totalResponseTime(), a.longestResponseTime(), a.shortestResponseTime(),
                        micros(a.awaitingReplySince()), micros(a.firstMessageAt()), micros(a.lastMessageAt())))
                .build();
    }
}
