package dev.parley.chat.jpa;

import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.ParleyException;
import dev.parley.chat.jpa.entity.ArticleEntity;
import dev.parley.chat.store.ArticleRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class JpaArticles implements ArticleRecords {

    private final JpaTransactions tx;
    private final Tables tables;
    private final ArticleSearch search;

    JpaArticles(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
        this.search = tables.postgres() ? new ArticleSearch.FullText(tables) : new ArticleSearch.Portable();
    }

    @Override
    public List<KnowledgeBaseArticle> list() {
        // Sorted here, not in SQL, so that titles compare as in Java whatever the database's collation.
        return tx.call(t -> t.em.createQuery("select a from ParleyArticle a", ArticleEntity.class).getResultList()
                .stream().map(ArticleEntity::toRecord)
                .sorted(Comparator.comparingInt(KnowledgeBaseArticle::sortOrder)
                        .thenComparing(KnowledgeBaseArticle::title))
                .toList());
    }

    @Override
    public Optional<KnowledgeBaseArticle> find(long id) {
        return tx.call(t -> Optional.ofNullable(t.em.find(ArticleEntity.class, id)).map(ArticleEntity::toRecord));
    }

    @Override
    public Optional<KnowledgeBaseArticle> findBySlug(String slug) {
        return tx.call(t -> t.em.createQuery("select a from ParleyArticle a where a.slug = :s", ArticleEntity.class)
                .setParameter("s", slug).getResultStream().findFirst().map(ArticleEntity::toRecord));
    }

    @Override
    public KnowledgeBaseArticle insert(KnowledgeBaseArticle article) {
        return tx.call(t -> {
            requireUniqueSlug(t, article);
            ArticleEntity e = ArticleEntity.of(article);
            t.em.persist(e);
            t.em.flush();
            KnowledgeBaseArticle stored = e.toRecord();
            search.indexed(t, stored);
            return stored;
        });
    }

    @Override
    public void update(KnowledgeBaseArticle article) {
        tx.exec(t -> {
            ArticleEntity e = t.em.find(ArticleEntity.class, article.id());
            if (e == null) {
                throw ParleyException.notFound("article " + article.id() + " does not exist");
            }
            requireUniqueSlug(t, article);
            e.apply(article);
            t.em.flush();
            search.indexed(t, article);
        });
    }

    private static void requireUniqueSlug(Tx t, KnowledgeBaseArticle a) {
        boolean clash = !t.em.createQuery("select a.id from ParleyArticle a where a.id <> :id and a.slug = :slug",
                        Long.class).setParameter("id", a.id()).setParameter("slug", a.slug()).setMaxResults(1)
                .getResultList().isEmpty();
        if (clash) {
            throw ParleyException.conflict("an article with slug '" + a.slug() + "' exists");
        }
    }

    @Override
    public void delete(long id) {
        tx.exec(t -> {
            ArticleEntity e = t.em.find(ArticleEntity.class, id);
            if (e != null) {
                t.em.remove(e);
            }
        });
    }

    @Override
    public void incrementViews(long id) {
        tx.exec(t -> {
            t.em.flush();
            int changed = t.em.createQuery("update ParleyArticle a set a.viewCount = a.viewCount + 1 where a.id = :id")
                    .setParameter("id", id).executeUpdate();
            if (changed > 0) {
                t.evict(ArticleEntity.class, a -> a.getId() == id);
            }
        });
    }

    @Override
    public List<KnowledgeBaseArticle> search(List<String> terms, int limit) {
        return tx.call(t -> search.search(t, terms, limit));
    }
}
