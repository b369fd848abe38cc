package dev.parley.chat.jpa;

import static dev.parley.chat.jpa.ChatRows.COLUMNS;
import static dev.parley.chat.jpa.ChatRows.bind;
import static dev.parley.chat.jpa.ChatRows.micros;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.ChatContribution;
import dev.parley.chat.store.EventRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one statement of {@link MessageAppends} on PostgreSQL: the {@code UPDATE} of the chat's row while its version
 * ({@code xmin}, which every change of the row replaces) is still the one read, the message {@code INSERT} and the
 * upsert of the rollup differences fed by that update's row (so nothing is written when the row changed), as
 * data-modifying CTEs. It sets only the chat columns that change and adds only the rollup sums that change.
 */
final class AppendStatements {

    private static final String MESSAGE_COLUMNS = "chat_id, sender, sender_id, message, message_type, file_url,"
            + " file_name, file_size, created_at, read_at";

    private final Tables tables;
    private final ChatRollups rollups;
    /** The statements by their {@link Shape}. */
    private final Map<Shape, String> statements = new ConcurrentHashMap<>();

    AppendStatements(Tables tables, ChatRollups rollups) {
        this.tables = tables;
        this.rollups = rollups;
    }

    /** What one statement stored: the chat's row with its new version, and the append as stored. */
    record Written(RecentChats.Copy row, Append append) {}

    /**
     * The shape of a statement: the chat columns it sets and the rollup sums it adds (a bit per column each, in the
     * order of {@link ChatRows#COLUMNS} and {@link RollupColumn#ALL}), and its number of rollup rows (a chat counts
     * in two rows, see {@link ChatRollups#keysOf}). A visitor's messages use a handful of shapes, each statement
     * prepared once per connection.
     */
    private record Shape(long setMask, int sumMask, int rollupRows, int events) {}

    private String statement(Shape shape) {
        return statements.computeIfAbsent(shape, key -> {
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
                for (RollupColumn col : RollupColumn.ALL) {
                    values.add((shape.sumMask() & (1 << col.ordinal())) != 0 ? "?" : "0");
                }
                String row = "(" + String.join(", ", values) + ")";
                sql.append(", r AS (INSERT INTO ").append(tables.rollup).append(" (")
                        .append(ChatRollups.KEY_COLUMNS).append(", ").append(RollupColumn.NAMES)
                        .append(") SELECT v.* FROM c, (VALUES ")
                        .append(String.join(", ", Collections.nCopies(shape.rollupRows(), row))).append(") AS v")
                        .append(RollupUpserts.addOnConflict(tables, added(shape.sumMask()))).append(')');
            }
            if (shape.events() > 0) {
                // the event log rows, in the message's transaction: ids from its transaction id (see JpaEvents)
                String row = "(?, CAST(? AS TIMESTAMPTZ), CAST(? AS BIGINT), CAST(? AS TEXT))";
                sql.append(", x AS (SELECT pg_current_xact_id() AS xid), e AS (INSERT INTO ").append(tables.chat)
                        .append("_event (id, xact_id, created_at, chat_id, payload)")
                        .append(" SELECT (CAST(CAST(x.xid AS TEXT) AS BIGINT) << 16) + v.n, x.xid, v.at, v.chat,")
                        .append(" REPLACE(v.payload, ?, '\"id\":' || m.id) FROM m, x, (VALUES ")
                        .append(String.join(", ", Collections.nCopies(shape.events(), row)))
                        .append(") AS v(n, at, chat, payload))");
            }
            return sql.append(" SELECT m.id, c.version FROM m, c").toString();
        });
    }

    private static List<RollupColumn> added(int sumMask) {
        return RollupColumn.ALL.stream().filter(col -> (sumMask & (1 << col.ordinal())) != 0).toList();
    }

    /**
     * Writes the append when the chat's row is still the version of {@code before}; null when it changed (then
     * nothing is written). The append keeps the chat in its rollup rows (same department and creation time).
     */
    @Nullable Written write(Connection c, RecentChats.Copy before, Append append,
            Function<Append, List<EventRecords.Draft>> events) throws SQLException {
        SortedMap<ChatRollups.Key, ChatContribution> changes = new TreeMap<>();
        rollups.change(changes, before.chat(), append.chat());
        changes.values().removeIf(ChatContribution::isZero);
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
        for (ChatContribution sums : changes.values()) {
            for (RollupColumn col : RollupColumn.ALL) {
                sumMask |= col.of(sums) != 0 ? 1 << col.ordinal() : 0;
            }
        }
        ChatMessage m = append.message();
        // the events of what is stored, the message's id still unknown: the statement puts it in
        List<EventRecords.Draft> drafts = events.apply(new Append(ChatRows.stored(append.chat()),
                new ChatMessage(EventRecords.MESSAGE_ID_PLACEHOLDER, m.chatId(), m.sender(), m.senderId(),
                        m.message(), m.messageType(), m.fileUrl(), m.fileName(), m.fileSize(),
                        micros(m.createdAt()), micros(m.readAt()))));
        try (PreparedStatement s = c.prepareStatement(statement(new Shape(setMask, sumMask, changes.size(),
                drafts.size())))) {
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
            List<RollupColumn> added = added(sumMask);
            for (Map.Entry<ChatRollups.Key, ChatContribution> change : changes.entrySet()) {
                i = RollupUpserts.bindSums(s, RollupUpserts.bindKey(s, i, change.getKey()), change.getValue(),
                        added);
            }
            if (!drafts.isEmpty()) {
                s.setString(i++, "\"id\":" + EventRecords.MESSAGE_ID_PLACEHOLDER);
                int n = 0;
                for (EventRecords.Draft d : drafts) {
                    s.setInt(i++, ++n);
                    bind(s, i++, d.createdAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                    s.setLong(i++, d.chatId());
                    s.setString(i++, d.payload());
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                RecentChats.Copy row = new RecentChats.Copy(ChatRows.stored(append.chat()), rs.getString(2));
                return new Written(row, new Append(row.chat(), new ChatMessage(rs.getLong(1), m.chatId(),
                        m.sender(), m.senderId(), m.message(), m.messageType(), m.fileUrl(), m.fileName(),
                        m.fileSize(), micros(m.createdAt()), micros(m.readAt()))));
            }
        }
    }
}
