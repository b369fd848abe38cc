package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.EventRecords;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.jspecify.annotations.Nullable;

/**
 * Appends a message on PostgreSQL without holding the chat's row lock across round trips: takes the chat from this
 * node's copy of it ({@link RecentChats}) or reads it, lets the core decide, then writes in one statement that
 * applies only while the chat row is still the version the decision saw (a compare-and-set on {@code xmin}, see
 * {@link AppendStatements}). The statement updates the chat, inserts the message and adds the rollup differences,
 * runs as its own transaction and answers the row's new version; the chat as written (instants cut to microseconds,
 * as bound) becomes the copy. So a visitor's next message on this node is one round trip, the first (or one after a
 * change elsewhere) two, where the locking path takes four and a commit. When the row changed in between, nothing is
 * written and the core decides again on the row as it is then; after {@link #ATTEMPTS} such misses the caller takes
 * the locking path.
 *
 * <p>No pool connection is held while the core decides: the decision may itself use the store (it asks who is
 * online, which reads the presence table when its copy is old), and holding one connection while waiting for
 * another would exhaust a small pool. Each read and each write takes a connection and gives it back.
 */
final class MessageAppends {

    /** Optimistic attempts before the caller falls back to the chat's row lock. */
    static final int ATTEMPTS = 2;

    private final ConnectionProvider connections;
    private final RecentChats recent;
    private final ChatRows rows;
    private final AppendStatements statements;

    MessageAppends(ConnectionProvider connections, Tables tables, ChatRollups rollups, RecentChats recent) {
        this.connections = connections;
        this.recent = recent;
        this.rows = new ChatRows(tables);
        this.statements = new AppendStatements(tables, rollups);
    }

    /**
     * Appends with up to {@link #ATTEMPTS} optimistic attempts, then, when the chat changed under every one of them,
     * with {@code locked}. Answers the stored append; empty when there is no such chat or {@code next} answered
     * empty.
     */
    Optional<Append> append(String sessionId, Function<Chat, Optional<Append>> next,
            Function<Append, List<EventRecords.Draft>> events, Supplier<Optional<Append>> locked) {
        Optional<Append> appended = attempt(sessionId, next, events);
        return appended != null ? appended : locked.get();
    }

    /**
     * The outcome of the attempts; null when the row changed under each, or when the decision moves the chat to
     * other rollup rows (which may empty one: the locking path deletes it). A decision on this node's copy of the
     * chat that the write finds stale, or that {@code next} refuses, is taken again on the row as read, and does not
     * count as an attempt.
     */
    private @Nullable Optional<Append> attempt(String sessionId, Function<Chat, Optional<Append>> next,
            Function<Append, List<EventRecords.Draft>> events) {
        RecentChats.Copy copy = recent.get(sessionId);
        int misses = 0;
        while (true) {
            boolean fromCopy = copy != null;
            RecentChats.Copy row = fromCopy ? copy : withConnection(c -> rows.read(c, sessionId));
            copy = null;
            if (row == null) {
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
                return Optional.empty();
            }
            Append append = decided.get();
            if (append.chat().id() != before.id() || append.message().chatId() != before.id()
                    || !append.chat().sessionId().equals(before.sessionId())) {
                throw new IllegalArgumentException("an append must keep to the chat it was given");
            }
            if (!append.chat().department().equals(before.department())
                    || !append.chat().createdAt().equals(before.createdAt())) {
                return null;
            }
            AppendStatements.Written written = withConnection(c -> statements.write(c, row, append, events));
            if (written != null) {
                recent.put(written.row());
                return Optional.of(written.append());
            }
            recent.forget(sessionId);
            if (!fromCopy && ++misses >= ATTEMPTS) {
                return null;
            }
        }
    }

    /** JDBC work on one connection. */
    @FunctionalInterface
    private interface Work<T> {
        @Nullable T run(Connection c) throws SQLException;
    }

    /**
     * Runs the work on a pooled connection as its own transaction (committed when the pool's connections do not
     * auto-commit) and gives the connection back.
     */
    private <T> @Nullable T withConnection(Work<T> work) {
        Connection c = null;
        boolean autoCommit = true;
        try {
            c = connections.getConnection();
            autoCommit = c.getAutoCommit();
            T result = work.run(c);
            if (!autoCommit) {
                c.commit();
            }
            return result;
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

    private static void rollback(@Nullable Connection c, boolean autoCommit, Throwable cause) {
        if (c != null && !autoCommit) {
            try {
                c.rollback();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
