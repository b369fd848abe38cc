package dev.parley.chat.jpa;

import dev.parley.chat.UploadedFile;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.jpa.entity.UploadedFileEntity;
import dev.parley.chat.store.FileRecords;
import java.time.Instant;
import java.util.List;
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

    @Override
    public long totalBytes() {
        return tx.call(t -> t.em.createQuery("select coalesce(sum(f.fileSize), 0) from ParleyUploadedFile f",
                Long.class).getSingleResult());
    }

    @Override
    public List<UploadedFile> findUnattachedBefore(Instant before, int limit) {
        return tx.call(t -> t.em.createQuery("select f from ParleyUploadedFile f where f.createdAt < :before"
                        + " and not exists (" + REFERENCE + ") order by f.createdAt, f.id", UploadedFileEntity.class)
                .setParameter("before", before).setMaxResults(limit).getResultStream()
                .map(UploadedFileEntity::toRecord).toList());
    }

    @Override
    public boolean deleteIfUnattached(long id) {
        return tx.call(t -> t.em.createQuery("delete from ParleyUploadedFile f where f.id = :id"
                + " and not exists (" + REFERENCE + ")").setParameter("id", id).executeUpdate() == 1);
    }

    /** A message of the file's chat that references it. */
    private static final String REFERENCE =
            "select m.id from ParleyMessage m where m.chatId = f.chatId and m.fileUrl = f.url";
}
