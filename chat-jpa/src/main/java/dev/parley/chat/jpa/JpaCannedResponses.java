package dev.parley.chat.jpa;

import dev.parley.chat.CannedResponse;
import dev.parley.chat.CannedResponse.Scope;
import dev.parley.chat.CannedResponse.Visibility;
import dev.parley.chat.ParleyException;
import dev.parley.chat.store.CannedResponseRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Canned responses in plain JDBC. The scope is two columns (kind, owner; owner '' for everyone) so one unique key
 * covers every scope; a clash is checked first for a clear message, and the key catches a concurrent twin.
 */
final class JpaCannedResponses implements CannedResponseRecords {

    private static final String COLUMNS = "id, shortcut, title, body, scope_kind, scope_owner, created_at, updated_at";

    private final JpaTransactions tx;
    private final Tables tables;

    JpaCannedResponses(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public CannedResponse insert(CannedResponse response) {
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            requireUnique(c, response.withId(0));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tables.cannedResponse
                    + " (shortcut, title, body, scope_kind, scope_owner, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                bind(s, response);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return response.withId(keys.getLong(1));
                }
            }
        }));
    }

    @Override
    public void update(CannedResponse response) {
        tx.exec(t -> t.em.unwrap(Session.class).doWork(c -> {
            requireUnique(c, response);
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.cannedResponse + " SET shortcut = ?,"
                    + " title = ?, body = ?, scope_kind = ?, scope_owner = ?, created_at = ?, updated_at = ?"
                    + " WHERE id = ?")) {
                bind(s, response);
                s.setLong(8, response.id());
                if (s.executeUpdate() == 0) {
                    throw ParleyException.notFound("canned response " + response.id() + " does not exist");
                }
            }
        }));
    }

    @Override
    public boolean delete(long id) {
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.cannedResponse + " WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() > 0;
            }
        }));
    }

    @Override
    public Optional<CannedResponse> find(long id) {
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.cannedResponse
                    + " WHERE id = ?")) {
                s.setLong(1, id);
                List<CannedResponse> found = read(s);
                return found.isEmpty() ? Optional.<CannedResponse>empty() : Optional.of(found.get(0));
            }
        }));
    }

    @Override
    public List<CannedResponse> visibleTo(String adminId, Collection<String> departments) {
        List<String> slugs = List.copyOf(departments);
        String in = slugs.isEmpty() ? "" : " OR (scope_kind = 'DEPARTMENT' AND scope_owner IN ("
                + slugs.stream().map(d -> "?").collect(Collectors.joining(", ")) + "))";
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.cannedResponse
                    + " WHERE scope_kind = 'EVERYONE' OR (scope_kind = 'ADMIN' AND scope_owner = ?)" + in)) {
                s.setString(1, adminId);
                for (int i = 0; i < slugs.size(); i++) {
                    s.setString(i + 2, slugs.get(i));
                }
                // sorted here, not by the database's collation, so every store answers the same order
                List<CannedResponse> found = read(s);
                found.sort(Comparator.comparing(CannedResponse::shortcut).thenComparing(CannedResponse::id));
                return found;
            }
        }));
    }

    private void requireUnique(Connection c, CannedResponse r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + tables.cannedResponse
                + " WHERE scope_kind = ? AND scope_owner = ? AND shortcut = ? AND id <> ?")) {
            s.setString(1, r.scope().visibility().name());
            s.setString(2, owner(r.scope()));
            s.setString(3, r.shortcut());
            s.setLong(4, r.id());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw ParleyException.conflict("a canned response with shortcut '" + r.shortcut()
                            + "' exists in this scope" + (r.scope().visibility() == Visibility.EVERYONE ? ""
                                    : " (" + r.scope().owner() + ")"));
                }
            }
        }
    }

    private static void bind(PreparedStatement s, CannedResponse r) throws SQLException {
        s.setString(1, r.shortcut());
        s.setString(2, r.title());
        s.setString(3, r.text());
        s.setString(4, r.scope().visibility().name());
        s.setString(5, owner(r.scope()));
        s.setObject(6, JpaPresence.utc(r.createdAt()));
        s.setObject(7, JpaPresence.utc(r.updatedAt()));
    }

    private static String owner(Scope scope) {
        return scope.owner() == null ? "" : scope.owner();
    }

    private static List<CannedResponse> read(PreparedStatement s) throws SQLException {
        List<CannedResponse> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Visibility kind = Visibility.valueOf(r.getString(5));
                out.add(new CannedResponse(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        new Scope(kind, kind == Visibility.EVERYONE ? null : r.getString(6)),
                        r.getObject(7, OffsetDateTime.class).toInstant(),
                        r.getObject(8, OffsetDateTime.class).toInstant()));
            }
        }
        return out;
    }
}
