package dev.parley.chat.jpa;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.jpa.entity.OutboxEntity;
import dev.parley.chat.store.OutboxRecords;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * The outbox table. Claims on PostgreSQL take due rows with {@code FOR UPDATE SKIP LOCKED} and stamp the lease in
 * the same statement; elsewhere a conditional lease update decides which claimer gets a row (the database
 * re-checks the condition after waiting for a row lock, so two claimers never both win).
 */
final class JpaOutbox implements OutboxRecords {

    private static final String CLAIMABLE = "o.status = 'PENDING' and o.nextAttemptAt <= :now"
            + " and (o.claimedUntil is null or o.claimedUntil < :now)";

    private final JpaTransactions tx;
    private final Tables tables;

    JpaOutbox(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public OutboxItem insert(OutboxItem item) {
        return tx.call(t -> {
            OutboxEntity e = OutboxEntity.of(item);
            t.em.persist(e);
            return e.toRecord();
        });
    }

    @Override
    public Optional<OutboxItem> findUnclaimed(String dedupKey) {
        return tx.call(t -> t.em.createQuery("select o from ParleyOutboxItem o where o.dedupKey = :k"
                        + " and o.status = 'PENDING' and o.claimedBy is null and o.attempts = 0 order by o.id",
                        OutboxEntity.class).setParameter("k", dedupKey).setMaxResults(1).getResultStream().findFirst()
                .map(OutboxEntity::toRecord));
    }

    @Override
    public long countByKeySince(String dedupKey, Instant since) {
        return tx.call(t -> t.em.createQuery("select count(o) from ParleyOutboxItem o where o.dedupKey = :k"
                + " and o.createdAt >= :since", Long.class).setParameter("k", dedupKey).setParameter("since", since)
                .getSingleResult());
    }

    @Override
    public boolean replacePayloadIfUnclaimed(long id, String payload) {
        return tx.call(t -> update(t, id, "update ParleyOutboxItem o set o.payload = :payload where o.id = :id"
                + " and o.status = 'PENDING' and o.claimedBy is null and o.attempts = 0", "payload", payload) > 0);
    }

    @Override
    public List<OutboxItem> claim(String owner, Instant now, Instant leaseUntil, int max) {
        return tx.call(t -> {
            t.em.flush();
            t.evict(OutboxEntity.class, e -> true);
            List<OutboxItem> claimed = tables.postgres() ? claimSkipLocked(t, owner, now, leaseUntil, max)
                    : claimByLease(t, owner, now, leaseUntil, max);
            return claimed.stream()
                    .sorted(Comparator.comparing(OutboxItem::nextAttemptAt).thenComparingLong(OutboxItem::id))
                    .toList();
        });
    }

    private List<OutboxItem> claimSkipLocked(Tx t, String owner, Instant now, Instant leaseUntil, int max) {
        String sql = "WITH due AS (SELECT id FROM " + tables.outbox + " WHERE status = 'PENDING'"
                + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " UPDATE " + tables.outbox + " o SET claimed_by = ?, claimed_until = ? FROM due WHERE o.id = due.id"
                + " RETURNING o.id, o.kind, o.dedup_key, o.payload, o.status, o.attempts, o.created_at,"
                + " o.next_attempt_at, o.claimed_by, o.claimed_until, o.last_error";
        return t.em.unwrap(Session.class).doReturningWork(c -> {
            List<OutboxItem> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, JpaPresence.utc(now));
                s.setObject(2, JpaPresence.utc(now));
                s.setInt(3, max);
                s.setString(4, owner);
                s.setObject(5, JpaPresence.utc(leaseUntil));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new OutboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                OutboxStatus.valueOf(rs.getString(5)), rs.getInt(6), instant(rs, 7),
                                instant(rs, 8), rs.getString(9), instant(rs, 10), rs.getString(11)));
                    }
                }
            }
            return items;
        });
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<OutboxItem> claimByLease(Tx t, String owner, Instant now, Instant leaseUntil, int max) {
        List<OutboxItem> claimed = new ArrayList<>();
        // A few rounds: candidates another claimer took meanwhile are replaced by the next due ones.
        for (int round = 0; round < 3 && claimed.size() < max; round++) {
            List<Long> candidates = t.em.createQuery("select o.id from ParleyOutboxItem o where " + CLAIMABLE
                            + " order by o.nextAttemptAt, o.id", Long.class).setParameter("now", now)
                    .setMaxResults(max - claimed.size()).getResultList();
            if (candidates.isEmpty()) {
                break;
            }
            int won = t.em.createQuery("update ParleyOutboxItem o set o.claimedBy = :owner,"
                            + " o.claimedUntil = :lease where o.id in :ids and " + CLAIMABLE)
                    .setParameter("owner", owner).setParameter("lease", leaseUntil).setParameter("ids", candidates)
                    .setParameter("now", now).executeUpdate();
            if (won > 0) {
                t.em.createQuery("select o from ParleyOutboxItem o where o.id in :ids and o.claimedBy = :owner",
                                OutboxEntity.class).setParameter("ids", candidates).setParameter("owner", owner)
                        .getResultList().forEach(e -> claimed.add(e.toRecord()));
            }
            if (won == candidates.size()) {
                break;
            }
        }
        return claimed;
    }

    /**
     * At most three statements for the batch: the outbox rows this owner still claims are marked sent
     * ({@code UPDATE … RETURNING id} on PostgreSQL, {@code SELECT … FROM NEW TABLE (UPDATE …)} on H2), then one
     * {@code UPDATE} per kind of flag sets it on the chats of the items marked. A flag update writes only its column
     * and takes the chat's row lock, so it waits for a chat update holding that lock and cannot undo it; a chat update
     * reads the row under the lock ({@link JpaChats#update}), so it sees a flag set before and writes it back set.
     */
    @Override
    public int markDelivered(String owner, List<Delivered> delivered, Instant at) {
        if (delivered.isEmpty()) {
            return 0;
        }
        return tx.call(t -> {
            t.em.flush();
            Set<Long> sent = markSent(t, owner, delivered.stream().map(Delivered::id).distinct().sorted().toList());
            t.evict(OutboxEntity.class, e -> sent.contains(e.getId()));
            Map<ChatFlag, Set<Long>> flagged = new EnumMap<>(ChatFlag.class);
            for (Delivered d : delivered) {
                if (d.flag() != null && sent.contains(d.id())) {
                    flagged.computeIfAbsent(d.flag(), f -> new TreeSet<>()).add(d.chatId());
                }
            }
            flagged.forEach((flag, chats) -> flag(t, flag, chats));
            return sent.size();
        });
    }

    private Set<Long> markSent(Tx t, String owner, List<Long> ids) {
        String update = "UPDATE " + tables.outbox + " SET status = 'SENT', attempts = attempts + 1, claimed_by = NULL,"
                + " claimed_until = NULL, last_error = NULL"
                + " WHERE id = ANY(?) AND claimed_by = ? AND status = 'PENDING'";
        String sql = tables.postgres() ? update + " RETURNING id" : "SELECT id FROM NEW TABLE (" + update + ")";
        return t.em.unwrap(Session.class).doReturningWork(c -> {
            Set<Long> sent = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                s.setString(2, owner);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sent.add(rs.getLong(1));
                    }
                }
            }
            return sent;
        });
    }

    private void flag(Tx t, ChatFlag flag, Set<Long> chatIds) {
        String column = flag == ChatFlag.EMAIL_NOTIFICATION_SENT ? "email_notification_sent"
                : "offline_notification_sent";
        String sql = "UPDATE " + tables.chat + " SET " + column + " = TRUE WHERE id = ANY(?) AND NOT " + column;
        int changed = t.em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("bigint", chatIds.toArray()));
                return s.executeUpdate();
            }
        });
        if (changed > 0) {
            // The flag is in no rollup contribution; drop the stale copies so nothing writes the old flag back.
            t.evict(ChatEntity.class, e -> chatIds.contains(e.getId()));
        }
    }

    @Override
    public void markRetry(long id, int attempts, Instant nextAttemptAt, String error) {
        tx.exec(t -> {
            t.em.flush();
            t.em.createQuery("update ParleyOutboxItem o set o.status = 'PENDING', o.attempts = :attempts,"
                            + " o.nextAttemptAt = :next, o.claimedBy = null, o.claimedUntil = null,"
                            + " o.lastError = :error where o.id = :id")
                    .setParameter("attempts", attempts).setParameter("next", nextAttemptAt)
                    .setParameter("error", error).setParameter("id", id).executeUpdate();
            t.evict(OutboxEntity.class, e -> e.getId() == id);
        });
    }

    @Override
    public void markFailed(long id, int attempts, String error) {
        tx.exec(t -> {
            t.em.flush();
            t.em.createQuery("update ParleyOutboxItem o set o.status = 'FAILED', o.attempts = :attempts,"
                            + " o.claimedBy = null, o.claimedUntil = null, o.lastError = :error where o.id = :id")
                    .setParameter("attempts", attempts).setParameter("error", error).setParameter("id", id)
                    .executeUpdate();
            t.evict(OutboxEntity.class, e -> e.getId() == id);
        });
    }

    private static int update(Tx t, long id, String jpql, @Nullable String name, @Nullable Object value) {
        t.em.flush();
        Query q = t.em.createQuery(jpql).setParameter("id", id);
        if (name != null) {
            q.setParameter(name, value);
        }
        int changed = q.executeUpdate();
        if (changed > 0) {
            t.evict(OutboxEntity.class, e -> e.getId() == id);
        }
        return changed;
    }

    @Override
    public int release(String owner) {
        return tx.call(t -> {
            t.em.flush();
            int released = t.em.createQuery("update ParleyOutboxItem o set o.claimedBy = null, o.claimedUntil = null"
                    + " where o.status = 'PENDING' and o.claimedBy = :owner").setParameter("owner", owner)
                    .executeUpdate();
            if (released > 0) {
                t.evict(OutboxEntity.class, e -> owner.equals(e.toRecord().claimedBy()));
            }
            return released;
        });
    }

    @Override
    public Map<OutboxStatus, Long> countByStatus() {
        return tx.call(t -> {
            Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
            for (OutboxStatus s : OutboxStatus.values()) {
                counts.put(s, 0L);
            }
            for (Object[] row : t.em.createQuery("select o.status, count(o) from ParleyOutboxItem o group by o.status",
                    Object[].class).getResultList()) {
                counts.put(OutboxStatus.valueOf((String) row[0]), (Long) row[1]);
            }
            return counts;
        });
    }

    @Override
    public List<OutboxItem> list(OutboxStatus status, int limit) {
        return tx.call(t -> t.em.createQuery("select o from ParleyOutboxItem o where o.status = :s order by o.id",
                        OutboxEntity.class).setParameter("s", status.name()).setMaxResults(limit).getResultList()
                .stream().map(OutboxEntity::toRecord).toList());
    }

    @Override
    public Optional<Instant> oldestPendingDue() {
        return tx.call(t -> Optional.ofNullable(t.em.createQuery("select min(o.nextAttemptAt) from ParleyOutboxItem o"
                + " where o.status = 'PENDING'", Instant.class).getSingleResult()));
    }
}
