package dev.parley.chat.jpa;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.store.AssignmentRecords;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Assignment state: the mode in the department row (whose lock is the queue's lock), one row per admin (whose lock
 * guards their capacity), and the queue read through the chat entity in arrival order (created_at, then id; ids
 * come in blocks per node, so they alone are no arrival order).
 */
final class JpaAssignment implements AssignmentRecords {

    private static final List<String> OPEN = List.of(ChatStatus.ACTIVE.name(), ChatStatus.WAITING.name());

    private final JpaTransactions tx;
    private final Tables tables;

    JpaAssignment(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public AssignmentMode mode(String department) {
        return modeOf(department, false);
    }

    @Override
    public AssignmentMode lockQueue(String department) {
        return modeOf(department, true);
    }

    private AssignmentMode modeOf(String department, boolean lock) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT assignment_mode FROM " + tables.department
                    + " WHERE slug = ?" + (lock ? " FOR UPDATE" : ""))) {
                s.setString(1, department);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? AssignmentMode.valueOf(r.getString(1)) : AssignmentMode.MANUAL;
                }
            }
        });
    }

    @Override
    public boolean setMode(String department, AssignmentMode mode) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.department
                    + " SET assignment_mode = ? WHERE slug = ?")) {
                s.setString(1, mode.name());
                s.setString(2, department);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<String> automaticDepartments() {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT slug FROM " + tables.department
                    + " WHERE assignment_mode <> 'MANUAL' ORDER BY sort_order, name")) {
                List<String> slugs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        slugs.add(r.getString(1));
                    }
                }
                return slugs;
            }
        });
    }

    @Override
    public List<Chat> queue(String department, int limit) {
        return tx.call(t -> {
            t.em.flush();
            return t.em.createQuery("select c from ParleyChat c where c.department = :d and c.assignedTo is null"
                            + " and c.status in :open order by c.createdAt, c.id", ChatEntity.class)
                    .setParameter("d", department).setParameter("open", OPEN).setMaxResults(limit)
                    .getResultList().stream().map(ChatEntity::toRecord).toList();
        });
    }

    @Override
    public long queuedBefore(Chat chat) {
        return tx.call(t -> {
            t.em.flush();
            TypedQuery<Long> q = t.em.createQuery("select count(c) from ParleyChat c where c.department = :d"
                    + " and c.assignedTo is null and c.status in :open and (c.createdAt < :at"
                    + " or (c.createdAt = :at and c.id < :id))", Long.class);
            return q.setParameter("d", chat.department()).setParameter("open", OPEN)
                    .setParameter("at", chat.createdAt()).setParameter("id", chat.id()).getSingleResult();
        });
    }

    @Override
    public List<Agent> lockAgents(Collection<String> adminIds) {
        List<String> ids = List.copyOf(new TreeSet<>(adminIds));
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc(c -> {
            for (String id : ids) {
                insertIfAbsent(c, id);
            }
            String in = String.join(", ", ids.stream().map(id -> "?").toList());
            Map<String, Agent> rows = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT admin_id, capacity, last_assigned_at FROM "
                    + tables.agent + " WHERE admin_id IN (" + in + ") ORDER BY admin_id FOR UPDATE")) {
                bindAll(s, ids, 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int capacity = r.getInt(2);
                        Integer own = r.wasNull() ? null : capacity;
                        OffsetDateTime last = r.getObject(3, OffsetDateTime.class);
                        rows.put(r.getString(1), new Agent(r.getString(1), 0, own,
                                last == null ? null : last.toInstant()));
                    }
                }
            }
            Map<String, Integer> open = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT assigned_to, COUNT(*) FROM " + tables.chat
                    + " WHERE assigned_to IN (" + in + ") AND status IN ('ACTIVE', 'WAITING') GROUP BY assigned_to")) {
                bindAll(s, ids, 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        open.put(r.getString(1), r.getInt(2));
                    }
                }
            }
            List<Agent> agents = new ArrayList<>();
            for (String id : ids) {
                Agent a = rows.get(id);
                agents.add(new Agent(id, open.getOrDefault(id, 0), a.capacity(), a.lastAssignedAt()));
            }
            return agents;
        });
    }

    /** Creates the admin's row when missing; a concurrent twin insert is not an error. */
    private void insertIfAbsent(Connection c, String adminId) throws SQLException {
        String sql = tables.postgres()
                ? "INSERT INTO " + tables.agent + " (admin_id) VALUES (?) ON CONFLICT (admin_id) DO NOTHING"
                : "INSERT INTO " + tables.agent + " (admin_id) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM "
                        + tables.agent + " WHERE admin_id = ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, adminId);
            if (!tables.postgres()) {
                s.setString(2, adminId);
            }
            try {
                s.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) { // H2: another transaction inserted it first
                    throw e;
                }
            }
        }
    }

    @Override
    public void assigned(String adminId, Instant at) {
        jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.agent
                    + " SET last_assigned_at = ? WHERE admin_id = ?")) {
                s.setObject(1, JpaPresence.utc(at));
                s.setString(2, adminId);
                if (s.executeUpdate() == 0) {
                    insertIfAbsent(c, adminId);
                    s.executeUpdate();
                }
                return null;
            }
        });
    }

    @Override
    public Map<String, Integer> capacities() {
        return jdbc(c -> {
            Map<String, Integer> result = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT admin_id, capacity FROM " + tables.agent
                    + " WHERE capacity IS NOT NULL"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.put(r.getString(1), r.getInt(2));
                }
            }
            return Map.copyOf(result);
        });
    }

    @Override
    public void setCapacity(String adminId, @Nullable Integer capacity) {
        jdbc(c -> {
            insertIfAbsent(c, adminId);
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.agent
                    + " SET capacity = ? WHERE admin_id = ?")) {
                if (capacity == null) {
                    s.setNull(1, Types.INTEGER);
                } else {
                    s.setInt(1, capacity);
                }
                s.setString(2, adminId);
                s.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public List<Chat> assignedUnanswered(int limit) {
        return tx.call(t -> {
            t.em.flush();
            return t.em.createQuery("select c from ParleyChat c where c.assignedTo is not null"
                            + " and c.status in :open and c.firstResponseAt is null order by c.createdAt, c.id",
                            ChatEntity.class)
                    .setParameter("open", OPEN).setMaxResults(limit)
                    .getResultList().stream().map(ChatEntity::toRecord).toList();
        });
    }

    private static void bindAll(PreparedStatement s, List<String> values, int from) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(from + i, values.get(i));
        }
    }

    /** Runs JDBC work on the transaction's connection, after flushing the entity changes it must see. */
    private <T> T jdbc(JdbcWork<T> work) {
        return tx.call(t -> {
            t.em.flush();
            return t.em.unwrap(Session.class).doReturningWork(work::run);
        });
    }

    @FunctionalInterface
    private interface JdbcWork<T> {
        T run(Connection c) throws SQLException;
    }
}
