package dev.parley.chat.spring.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure caused by the database being out of reach: no connection could be had within the pool's
 * timeout, a connection was refused, broken or closed, or the server is shutting down. Such a request answers 503: the
 * same request can succeed once the database is back.
 */
final class DatabaseFailures {

    private static final int MAX_VISITED = 64;

    private DatabaseFailures() {}

    /** Whether the failure, its causes or their suppressed exceptions show a database that cannot be reached. */
    static boolean unreachable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && seen.size() < MAX_VISITED) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true; // connection exception; the server shutting down or not yet accepting connections
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            // a failed rollback after a lost connection is only recorded as suppressed
            Collections.addAll(todo, t.getSuppressed());
        }
        return false;
    }
}
