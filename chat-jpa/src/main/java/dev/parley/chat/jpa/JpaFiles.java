package dev.parley.chat.jpa;

import dev.parley.chat.UploadedFile;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.jpa.entity.UploadedFileEntity;
import dev.parley.chat.store.FileRecords;
import java.util.Optional;

final class JpaFiles implements FileRecords {

    private final JpaTransactions tx;

    JpaFiles(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public UploadedFile insert(UploadedFile file) {
        return tx.call(t -> {
            UploadedFileEntity e = UploadedFileEntity.of(file, t.em.getReference(ChatEntity.class, file.chatId()));
            t.em.persist(e);
            return e.toRecord();
        });
    }

    @Override
    public Optional<UploadedFile> findByChatAndUrl(long chatId, String url) {
        return tx.call(t -> t.em.createQuery("select f from ParleyUploadedFile f where f.chatId = :chat"
                        + " and f.url = :url order by f.id", UploadedFileEntity.class).setParameter("chat", chatId)
                .setParameter("url", url).setMaxResults(1).getResultStream().findFirst()
                .map(UploadedFileEntity::toRecord));
    }

    @Override
    public long countByChat(long chatId) {
        return tx.call(t -> t.em.createQuery("select count(f) from ParleyUploadedFile f where f.chatId = :chat",
                Long.class).setParameter("chat", chatId).getSingleResult());
    }
}
