package dev.parley.chat.jpa;

import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.SearchWords;
import dev.parley.chat.jpa.entity.ArticleEntity;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How published articles are searched: full-text on PostgreSQL, a portable fallback elsewhere. */
interface ArticleSearch {

    /** Keeps the search index of a stored (and flushed) article up to date. */
    void indexed(Tx t, KnowledgeBaseArticle article);

    /** Published articles matching any term, best first, ties by sort order then id, at most limit. */
    List<KnowledgeBaseArticle> search(Tx t, List<String> terms, int limit);

    /**
     * PostgreSQL: a weighted {@code tsvector} per article behind a GIN index; prefix queries restricted to a weight
     * rank title (3) above keywords and category (2) above body (1), per term, as the in-memory store does.
     */
    final class FullText implements ArticleSearch {

        private final Tables tables;

        FullText(Tables tables) {
            this.tables = tables;
        }

        @Override
        public void indexed(Tx t, KnowledgeBaseArticle article) {
            t.em.createNativeQuery("UPDATE " + tables.article + " SET search_vector = CAST(?1 AS tsvector)"
                    + " WHERE id = ?2").setParameter(1, SearchVectors.tsvector(article)).setParameter(2, article.id())
                    .executeUpdate();
        }

        @Override
        public List<KnowledgeBaseArticle> search(Tx t, List<String> terms, int limit) {
            List<String> usable = terms.stream().filter(s -> !s.isEmpty()).toList();
            if (usable.isEmpty()) {
                return List.of();
            }
            List<Object> params = new ArrayList<>();
            List<String> any = new ArrayList<>();
            StringBuilder score = new StringBuilder();
            for (String term : usable) {
                any.add(SearchVectors.prefixQuery(term, ""));
                score.append(score.length() == 0 ? "" : " + ").append("(CASE");
                String[] weights = {"A", "B", "C"};
                for (int w = 0; w < weights.length; w++) {
                    params.add(SearchVectors.prefixQuery(term, weights[w]));
                    score.append(" WHEN a.search_vector @@ CAST(?").append(params.size()).append(" AS tsquery) THEN ")
                            .append(3 - w);
                }
                score.append(" ELSE 0 END)");
            }
            params.add(String.join(" | ", any));
            int anyParam = params.size();
            params.add(limit);
            t.em.flush();
            Query q = t.em.createNativeQuery("SELECT a.* FROM " + tables.article + " a"
                    + " WHERE a.published AND a.search_vector @@ CAST(?" + anyParam + " AS tsquery)"
                    + " ORDER BY " + score + " DESC, a.sort_order, a.id LIMIT ?" + params.size(), ArticleEntity.class);
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            List<KnowledgeBaseArticle> result = new ArrayList<>();
            for (Object row : q.getResultList()) {
                result.add(((ArticleEntity) row).toRecord());
            }
            return result;
        }
    }

    /**
     * Other databases (H2): SQL narrows to published articles containing a term anywhere, then the same ranking as
     * the in-memory store picks and orders the word-prefix matches.
     */
    final class Portable implements ArticleSearch {

        @Override
        public void indexed(Tx t, KnowledgeBaseArticle article) {
            // nothing to keep up to date
        }

        @Override
        public List<KnowledgeBaseArticle> search(Tx t, List<String> terms, int limit) {
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                String p = ":t" + i;
                conditions.add("lower(a.title) like " + p + " escape '!' or lower(a.keywords) like " + p
                        + " escape '!' or lower(a.category) like " + p + " escape '!' or lower(a.content) like " + p
                        + " escape '!'");
            }
            if (conditions.isEmpty()) {
                return List.of();
            }
            TypedQuery<ArticleEntity> q = t.em.createQuery("select a from ParleyArticle a where a.published = true"
                    + " and (" + String.join(" or ", conditions) + ")", ArticleEntity.class);
            for (int i = 0; i < terms.size(); i++) {
                q.setParameter("t" + i, "%" + JpaChats.likeEscape(terms.get(i)) + "%");
            }
            record Scored(KnowledgeBaseArticle article, int score) {}
            return q.getResultList().stream()
                    .map(e -> {
                        KnowledgeBaseArticle a = e.toRecord();
                        return new Scored(a, SearchWords.score(a, terms));
                    })
                    .filter(s -> s.score() > 0)
                    .sorted(Comparator.comparingInt((Scored s) -> -s.score())
                            .thenComparingInt(s -> s.article().sortOrder())
                            .thenComparingLong(s -> s.article().id()))
                    .limit(limit)
                    .map(Scored::article)
                    .toList();
        }
    }
}
