package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.ParleyException;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.jpa.entity.MessageEntity;
import dev.parley.chat.store.ChatContribution;
import dev.parley.chat.store.ChatRecords;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

final class JpaChats implements ChatRecords {

    private final JpaTransactions tx;
    private final Tables tables;
    private final ChatRollups rollups;
    private final RecentChats recent;

    JpaChats(JpaTransactions tx, Tables tables, ChatRollups rollups, RecentChats recent) {
        this.tx = tx;
        this.tables = tables;
        this.rollups = rollups;
        this.recent = recent;
    }

    @Override
    public Chat insert(Chat chat) {
        return tx.call(t -> {
            ChatEntity e = ChatEntity.of(chat);
            t.em.persist(e);
            t.locked(e.getId());
            Chat stored = e.toRecord();
            rollups.change(t, null, stored);
            return stored;
        });
    }

    /**
     * Overwrites the chat under its row lock (taken here when the transaction does not hold it yet), so the
     * contribution it had before, which the rollup subtracts, is the one stored.
     */
    @Override
    public void update(Chat chat) {
        tx.exec(t -> {
            ChatEntity e = locked(t, chat.id())
                    .orElseThrow(() -> ParleyException.notFound("chat " + chat.id() + " does not exist"));
            Chat before = e.toRecord();
            recent.forget(before.sessionId());
            e.apply(chat);
            rollups.change(t, before, e.toRecord());
        });
    }

    @Override
    public Optional<Chat> find(long id) {
        return tx.call(t -> Optional.ofNullable(t.em.find(ChatEntity.class, id)).map(ChatEntity::toRecord));
    }

    @Override
    public Optional<Chat> findBySessionId(String sessionId) {
        return tx.call(t -> bySession(t, sessionId, false).map(ChatEntity::toRecord));
    }

    @Override
    public Optional<Chat> lock(long id) {
        return tx.call(t -> locked(t, id).map(ChatEntity::toRecord));
    }

    @Override
    public Optional<Chat> lockBySessionId(String sessionId) {
        return tx.call(t -> {
            ChatEntity known = t.managed(ChatEntity.class, c -> c.getSessionId().equals(sessionId));
            if (known != null) {
                return locked(t, known.getId()).map(ChatEntity::toRecord);
            }
            return bySession(t, sessionId, true).map(e -> {
                t.locked(e.getId());
                return e.toRecord();
            });
        });
    }

    /**
     * The chat row locked with SELECT … FOR UPDATE. A chat this transaction read earlier without a lock is read
     * again under the lock, so no change committed in between is lost.
     */
    private static Optional<ChatEntity> locked(Tx t, long id) {
        ChatEntity known = t.managed(ChatEntity.class, c -> c.getId() == id);
        if (known != null) {
            if (!t.holdsLock(id)) {
                t.em.flush();
                t.em.refresh(known, LockModeType.PESSIMISTIC_WRITE);
                t.locked(id);
            }
            return Optional.of(known);
        }
        ChatEntity e = t.em.find(ChatEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e != null) {
            t.locked(id);
        }
        return Optional.ofNullable(e);
    }

    private static Optional<ChatEntity> bySession(Tx t, String sessionId, boolean lock) {
        TypedQuery<ChatEntity> q = t.em.createQuery("select c from ParleyChat c where c.sessionId = :s",
                ChatEntity.class).setParameter("s", sessionId);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultStream().findFirst();
    }

    /**
     * One query for the page, each chat joined to its latest message through the (chat_id, id) index, and one for
     * the total: no query per chat.
     */
    @Override
    public Page<ChatSummary> list(ChatFilter filter, PageRequest page) {
        return tx.call(t -> {
            Map<String, Object> params = new HashMap<>();
            String where = where(filter, params);
            TypedQuery<Long> count = t.em.createQuery("select count(c) from ParleyChat c" + where, Long.class);
            params.forEach(count::setParameter);
            long total = count.getSingleResult();
            List<ChatSummary> items = new ArrayList<>();
            if (page.offset() < total) {
                TypedQuery<Object[]> q = t.em.createQuery("select c, m from ParleyChat c left join ParleyMessage m"
                        + " on m.id = (select max(m2.id) from ParleyMessage m2 where m2.chatId = c.id)" + where
                        + " order by c.updatedAt desc, c.id desc", Object[].class);
                params.forEach(q::setParameter);
                q.setFirstResult((int) page.offset()).setMaxResults(page.size());
                for (Object[] row : q.getResultList()) {
                    ChatMessage last = row[1] == null ? null : ((MessageEntity) row[1]).toRecord();
                    items.add(new ChatSummary(((ChatEntity) row[0]).toRecord(), last));
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static String where(ChatFilter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.status() != null) {
            conditions.add("c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.department() != null) {
            conditions.add("c.department = :department");
            params.put("department", f.department());
        }
        if (f.assignedTo() != null) {
            conditions.add("c.assignedTo = :assignedTo");
            params.put("assignedTo", f.assignedTo());
        }
        if (f.rating() != null) {
            conditions.add("c.rating = :rating");
            params.put("rating", f.rating());
        }
        if (f.text() != null) {
            conditions.add("(lower(c.visitorName) like :text escape '!' or lower(c.visitorEmail) like :text escape '!'"
                    + " or exists (select 1 from ParleyMessage mt where mt.chatId = c.id"
                    + " and lower(mt.message) like :text escape '!'))");
            params.put("text", "%" + likeEscape(f.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public List<Chat> findByStatus(ChatStatus status, @Nullable String department) {
        return tx.call(t -> {
            TypedQuery<ChatEntity> q = t.em.createQuery("select c from ParleyChat c where c.status = :status"
                    + (department == null ? "" : " and c.department = :department")
                    + " order by c.createdAt, c.id", ChatEntity.class).setParameter("status", status.name());
            if (department != null) {
                q.setParameter("department", department);
            }
            return q.getResultList().stream().map(ChatEntity::toRecord).toList();
        });
    }

    @Override
    public long countByDepartment(String slug) {
        return tx.call(t -> t.em.createQuery("select count(c) from ParleyChat c where c.department = :d", Long.class)
                .setParameter("d", slug).getSingleResult());
    }

    /**
     * One statement moves the chats and answers what each contributes to the rollup ({@code UPDATE … RETURNING} on
     * PostgreSQL, {@code SELECT … FROM NEW TABLE (UPDATE …)} on H2), so exactly the moved chats' sums move from the
     * old department's rollup rows to the new one's.
     */
    @Override
    public int moveDepartment(String fromSlug, String toSlug) {
        return tx.call(t -> {
            t.em.flush();
            String columns = "created_at, status, rating, response_time, resolution_time, total_messages, id";
            String update = "UPDATE " + tables.chat + " SET department = ? WHERE department = ?";
            String sql = tables.postgres() ? update + " RETURNING " + columns
                    : "SELECT " + columns + " FROM NEW TABLE (" + update + ")";
            int moved = t.em.unwrap(Session.class).doReturningWork(c -> {
                int n = 0;
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, toSlug);
                    s.setString(2, fromSlug);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            ChatContribution contribution = ChatContribution.of(
                                    ChatStatus.valueOf(rs.getString(2)), rs.getObject(3, Integer.class),
                                    rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getLong(6));
                            rollups.move(t, rs.getLong(7), rs.getObject(1, OffsetDateTime.class).toInstant(),
                                    fromSlug, toSlug, contribution);
                            n++;
                        }
                    }
                }
                return n;
            });
            t.evict(ChatEntity.class, c -> c.getDepartment().equals(fromSlug));
            return moved;
        });
    }
}
