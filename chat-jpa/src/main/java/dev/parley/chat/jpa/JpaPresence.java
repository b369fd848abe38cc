package dev.parley.chat.jpa;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.jpa.entity.PresenceEntity;
import dev.parley.chat.store.PresenceRecords;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/** Presence rows keyed by admin id, written with the database's own upsert so one admin never gets two rows. */
final class JpaPresence implements PresenceRecords {

    private final JpaTransactions tx;
    private final Tables tables;

    JpaPresence(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public void upsert(AdminPresence p) {
        tx.exec(t -> {
            t.em.flush();
            t.em.unwrap(Session.class).doWork(c -> {
                if (tables.postgres()) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tables.presence
                            + " (user_id, online, last_seen_at, socket_id, department) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (user_id) DO UPDATE SET online = EXCLUDED.online,"
                            + " last_seen_at = EXCLUDED.last_seen_at, socket_id = EXCLUDED.socket_id,"
                            + " department = EXCLUDED.department")) {
                        bind(s, p);
                        s.executeUpdate();
                    }
                } else {
                    mergeH2(c.prepareStatement("MERGE INTO " + tables.presence
                            + " (user_id, online, last_seen_at, socket_id, department) KEY (user_id)"
                            + " VALUES (?, ?, ?, ?, ?)"), p);
                }
            });
            t.evict(PresenceEntity.class, e -> e.toRecord().userId().equals(p.userId()));
        });
    }

    /**
     * One {@code UPDATE} of the admin's row, guarded by the state a routine heartbeat keeps (online, seen within the
     * timeout, same department); with no transaction around it, that statement and its commit are the whole cost.
     */
    @Override
    public boolean refresh(AdminPresence p, Instant seenAfter) {
        if (!p.online()) {
            return false;
        }
        return tx.call(t -> {
            int updated = t.em.unwrap(Session.class).doReturningWork(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.presence
                        + " SET last_seen_at = ?, socket_id = ? WHERE user_id = ? AND online = TRUE"
                        + " AND last_seen_at > ? AND department IS NOT DISTINCT FROM ?")) {
                    s.setObject(1, utc(p.lastSeenAt()));
                    setNullable(s, 2, p.socketId());
                    s.setString(3, p.userId());
                    s.setObject(4, utc(seenAfter));
                    setNullable(s, 5, p.department());
                    return s.executeUpdate();
                }
            });
            if (updated > 0) {
                t.evict(PresenceEntity.class, e -> e.toRecord().userId().equals(p.userId()));
            }
            return updated > 0;
        });
    }

    /**
     * H2's MERGE updates, or inserts when no row matched; two first heartbeats at once can both try the insert, and
     * the loser then finds the winner's row to update. A failed statement does not end an H2 transaction.
     */
    private static void mergeH2(PreparedStatement s, AdminPresence p) throws SQLException {
        try (s) {
            bind(s, p);
            for (int attempt = 1; ; attempt++) {
                try {
                    s.executeUpdate();
                    return;
                } catch (SQLException e) {
                    if (attempt >= 3 || !"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement s, AdminPresence p) throws SQLException {
        s.setString(1, p.userId());
        s.setBoolean(2, p.online());
        s.setObject(3, utc(p.lastSeenAt()));
        setNullable(s, 4, p.socketId());
        setNullable(s, 5, p.department());
    }

    private static void setNullable(PreparedStatement s, int index, @Nullable String v)
            throws SQLException {
        if (v == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, v);
        }
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @Override
    public Optional<AdminPresence> find(String userId) {
        return tx.call(t -> Optional.ofNullable(t.em.find(PresenceEntity.class, userId)).map(PresenceEntity::toRecord));
    }

    @Override
    public List<AdminPresence> onlineSeenAfter(Instant seenAfter) {
        return tx.call(t -> t.em.createQuery("select p from ParleyPresence p where p.online = true"
                        + " and p.lastSeenAt > :after", PresenceEntity.class).setParameter("after", seenAfter)
                .getResultList().stream().map(PresenceEntity::toRecord).toList());
    }
}
