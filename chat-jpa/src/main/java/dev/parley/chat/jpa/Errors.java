package dev.parley.chat.jpa;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns persistence failures into the core's typed errors, so no raw JPA, Hibernate or JDBC exception reaches a
 * caller. Messages never quote the database's text, which can contain the offending values.
 */
final class Errors {

    /** Unique constraints by name suffix, and what to tell the caller. */
    private static final Map<String, String> UNIQUE = Map.of(
            "chat_session_uk", "a chat with this session id exists",
            "department_slug_uk", "a department with this slug exists",
            "department_name_uk", "a department with this name exists",
            "kb_article_slug_uk", "an article with this slug exists",
            "presence_pk", "this admin already has a presence row");

    private Errors() {}

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof ParleyException) {
            return e;
        }
        SQLException sql = sqlException(e);
        if (!(e instanceof PersistenceException) && sql == null) {
            return e;
        }
        if (e instanceof PessimisticLockException || e instanceof LockTimeoutException
                || e instanceof OptimisticLockException) {
            return new ParleyException(ErrorCode.CONFLICT, "the record is being changed by someone else; try again",
                    e);
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String text = sql == null || sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        if (state.equals("23505")) {
            String message = UNIQUE.entrySet().stream().filter(u -> text.contains(u.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("a record with the same unique value exists");
            return new ParleyException(ErrorCode.CONFLICT, message, e);
        }
        if (state.equals("23503") || state.equals("23506")) {
            return new ParleyException(ErrorCode.NOT_FOUND, text.contains("chat_fk")
                    ? "the chat it refers to does not exist" : "a record it refers to does not exist", e);
        }
        if (state.equals("22001")) {
            return new ParleyException(ErrorCode.VALIDATION, "a value is longer than its database column allows", e);
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return new ParleyException(ErrorCode.VALIDATION, "a value breaks a rule of the database (" + state + ")",
                    e);
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("HYT00")) {
            return new ParleyException(ErrorCode.CONFLICT, "the record is being changed by someone else; try again",
                    e);
        }
        return new ParleyException(ErrorCode.STORAGE_UNAVAILABLE, state.startsWith("08")
                ? "the database cannot be reached" : "the database failed (" + (state.isEmpty() ? "no SQL state" : state)
                + ")", e);
    }

    private static @Nullable SQLException sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BatchUpdateException b && b.getNextException() != null) {
                return b.getNextException();
            }
            if (t instanceof SQLException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
