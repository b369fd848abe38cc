package dev.parley.chat.store.memory;

import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.ParleyException;
import dev.parley.chat.SearchWords;
import dev.parley.chat.store.ArticleRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryArticles implements ArticleRecords {

    private final MemoryTransactions tx;
    private final Map<Long, KnowledgeBaseArticle> byId = new TreeMap<>();
    private long nextId = 1;

    MemoryArticles(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<KnowledgeBaseArticle> list() {
        return tx.read(() -> byId.values().stream()
                .sorted(Comparator.comparingInt(KnowledgeBaseArticle::sortOrder)
                        .thenComparing(KnowledgeBaseArticle::title))
                .toList());
    }

    @Override
    public Optional<KnowledgeBaseArticle> find(long id) {
        return tx.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<KnowledgeBaseArticle> findBySlug(String slug) {
        return tx.read(() -> byId.values().stream().filter(a -> a.slug().equals(slug)).findFirst());
    }

    @Override
    public KnowledgeBaseArticle insert(KnowledgeBaseArticle article) {
        return tx.inTransaction(() -> {
            requireUniqueSlug(article);
            KnowledgeBaseArticle stored = article.withId(nextId++);
            tx.put(byId, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public void update(KnowledgeBaseArticle article) {
        tx.run(() -> {
            if (!byId.containsKey(article.id())) {
                throw ParleyException.notFound("article " + article.id() + " does not exist");
            }
            requireUniqueSlug(article);
            tx.put(byId, article.id(), article);
        });
    }

    private void requireUniqueSlug(KnowledgeBaseArticle a) {
        if (byId.values().stream().anyMatch(o -> o.id() != a.id() && o.slug().equals(a.slug()))) {
            throw ParleyException.conflict("an article with slug '" + a.slug() + "' exists");
        }
    }

    @Override
    public void delete(long id) {
        tx.run(() -> tx.remove(byId, id));
    }

    @Override
    public void incrementViews(long id) {
        tx.run(() -> {
            KnowledgeBaseArticle a = byId.get(id);
            if (a != null) {
                tx.put(byId, id, new KnowledgeBaseArticle(a.id(), a.title(), a.slug(), a.content(), a.category(),
                        a.keywords(), a.published(), a.sortOrder(), a.viewCount() + 1, a.createdAt(),
                        a.updatedAt()));
            }
        });
    }

    @Override
    public List<KnowledgeBaseArticle> search(List<String> terms, int limit) {
        return tx.read(() -> byId.values().stream()
                .filter(KnowledgeBaseArticle::published)
                .map(a -> new Scored(a, SearchWords.score(a, terms)))
                .filter(s -> s.score > 0)
                .sorted(Comparator.comparingInt((Scored s) -> -s.score)
                        .thenComparingInt(s -> s.article.sortOrder())
                        .thenComparingLong(s -> s.article.id()))
                .limit(limit)
                .map(s -> s.article)
                .toList());
    }

    private record Scored(KnowledgeBaseArticle article, int score) {}
}
