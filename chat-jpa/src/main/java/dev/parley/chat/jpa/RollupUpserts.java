package dev.parley.chat.jpa;

import static dev.parley.chat.jpa.ChatRollups.KEY_COLUMNS;

import dev.parley.chat.jpa.ChatRollups.Key;
import dev.parley.chat.store.ChatContribution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Adds differences of {@link ChatContribution}s to rollup rows, creating the rows that are missing and deleting the
 * rows left with no chat: one batched upsert on PostgreSQL, an update or insert per row on H2. The rows are written
 * in the order given (key order), so two writers never wait for each other's rows in a cycle.
 */
final class RollupUpserts {

    /** The condition on the key columns, parameters in {@link #bindKey} order. */
    private static final String KEY_MATCH =
            " WHERE granularity = ? AND bucket_start = ? AND department = ? AND stripe = ?";

    private static final int SUMS = RollupColumn.ALL.size();

    private final Tables tables;

    RollupUpserts(Tables tables) {
        this.tables = tables;
    }

    /** Adds each difference to its row (none of them zero). */
    void apply(Connection c, List<Map.Entry<Key, ChatContribution>> changes) throws SQLException {
        if (tables.postgres()) {
            upsertPostgres(c, changes);
        } else {
            upsertH2(c, changes);
        }
        deleteEmpty(c, changes);
    }

    private void upsertPostgres(Connection c, List<Map.Entry<Key, ChatContribution>> changes) throws SQLException {
        String sql = "INSERT INTO " + tables.rollup + " (" + KEY_COLUMNS + ", " + RollupColumn.NAMES
                + ") VALUES (?, ?, ?, ?" + ", ?".repeat(SUMS) + ")" + addOnConflict(tables, RollupColumn.ALL);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<Key, ChatContribution> change : changes) {
                bindSums(s, bindKey(s, 1, change.getKey()), change.getValue(), RollupColumn.ALL);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * PostgreSQL: the tail of an {@code INSERT} of rollup rows that adds these columns' values to a row that exists.
     */
    static String addOnConflict(Tables tables, List<RollupColumn> columns) {
        StringBuilder sql = new StringBuilder(" ON CONFLICT (").append(KEY_COLUMNS).append(") DO UPDATE SET ");
        for (int i = 0; i < columns.size(); i++) {
            String col = columns.get(i).column();
            sql.append(i == 0 ? "" : ", ").append(col).append(" = ").append(tables.rollup).append('.').append(col)
                    .append(" + EXCLUDED.").append(col);
        }
        return sql.toString();
    }

    /**
     * H2: update the row, or insert it when there is none. Two transactions can both find no row and insert; the
     * loser waits for the winner's commit, gets a unique violation and updates the winner's row instead (a failed
     * statement does not end an H2 transaction).
     */
    private void upsertH2(Connection c, List<Map.Entry<Key, ChatContribution>> changes) throws SQLException {
        StringBuilder update = new StringBuilder("UPDATE ").append(tables.rollup).append(" SET ");
        for (RollupColumn col : RollupColumn.ALL) {
            update.append(col.ordinal() == 0 ? "" : ", ").append(col.column()).append(" = ").append(col.column())
                    .append(" + ?");
        }
        update.append(KEY_MATCH);
        String insert = "INSERT INTO " + tables.rollup + " (" + KEY_COLUMNS + ", " + RollupColumn.NAMES
                + ") VALUES (?, ?, ?, ?" + ", ?".repeat(SUMS) + ")";
        try (PreparedStatement u = c.prepareStatement(update.toString());
             PreparedStatement in = c.prepareStatement(insert)) {
            for (Map.Entry<Key, ChatContribution> change : changes) {
                Key key = change.getKey();
                bindSums(in, bindKey(in, 1, key), change.getValue(), RollupColumn.ALL);
                bindKey(u, bindSums(u, 1, change.getValue(), RollupColumn.ALL), key);
                for (int attempt = 1; u.executeUpdate() == 0; attempt++) {
                    try {
                        in.executeUpdate();
                        break;
                    } catch (SQLException e) {
                        if (attempt >= 3 || !"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    /** Rows whose chats all moved away are deleted (only a department move empties a row). */
    private void deleteEmpty(Connection c, List<Map.Entry<Key, ChatContribution>> changes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.rollup + KEY_MATCH
                + " AND total = 0")) {
            boolean any = false;
            for (Map.Entry<Key, ChatContribution> change : changes) {
                if (change.getValue().total() < 0) {
                    bindKey(s, 1, change.getKey());
                    s.addBatch();
                    any = true;
                }
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    /** Binds these columns' values in the sums from this parameter on; answers the next parameter's index. */
    static int bindSums(PreparedStatement s, int first, ChatContribution sums, List<RollupColumn> columns)
            throws SQLException {
        int next = first;
        for (RollupColumn col : columns) {
            s.setLong(next++, col.of(sums));
        }
        return next;
    }

    /** Binds the key columns from this parameter on; answers the next parameter's index. */
    static int bindKey(PreparedStatement s, int first, Key key) throws SQLException {
        s.setInt(first, key.granularity());
        s.setLong(first + 1, key.bucket());
        s.setString(first + 2, key.department());
        s.setInt(first + 3, key.stripe());
        return first + 4;
    }
}
