package dev.parley.chat.jpa;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.jpa.entity.MessageEntity;
import dev.parley.chat.store.MessageRecords;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

final class JpaMessages implements MessageRecords {

    private final JpaTransactions tx;

    JpaMessages(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public ChatMessage insert(ChatMessage message) {
        return tx.call(t -> {
            MessageEntity e = MessageEntity.of(message, t.em.getReference(ChatEntity.class, message.chatId()));
            t.em.persist(e);
            return e.toRecord();
        });
    }

    @Override
    public List<ChatMessage> list(long chatId, @Nullable Long afterId, @Nullable Instant afterTime, int limit) {
        return tx.call(t -> {
            TypedQuery<MessageEntity> q = t.em.createQuery("select m from ParleyMessage m where m.chatId = :chat"
                    + (afterId == null ? "" : " and m.id > :afterId")
                    + (afterTime == null ? "" : " and m.createdAt > :afterTime")
                    + " order by m.id", MessageEntity.class).setParameter("chat", chatId);
            if (afterId != null) {
                q.setParameter("afterId", afterId);
            }
            if (afterTime != null) {
                q.setParameter("afterTime", afterTime);
            }
            return q.setMaxResults(limit).getResultList().stream().map(MessageEntity::toRecord).toList();
        });
    }

    @Override
    public long count(long chatId) {
        return tx.call(t -> t.em.createQuery("select count(m) from ParleyMessage m where m.chatId = :chat", Long.class)
                .setParameter("chat", chatId).getSingleResult());
    }

    @Override
    public int markRead(long chatId, Sender from, Instant at) {
        return tx.call(t -> {
            t.em.flush();
            int marked = t.em.createQuery("update ParleyMessage m set m.readAt = :at"
                            + " where m.chatId = :chat and m.sender = :sender and m.readAt is null")
                    .setParameter("at", at).setParameter("chat", chatId).setParameter("sender", from.name())
                    .executeUpdate();
            if (marked > 0) {
                t.evict(MessageEntity.class,
                        m -> m.getChatId() == chatId && m.getSender() == from && m.getReadAt() == null);
            }
            return marked;
        });
    }
}
