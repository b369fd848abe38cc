package dev.parley.chat.store;

import dev.parley.chat.KnowledgeBaseArticle;
import java.util.List;
import java.util.Optional;

/** Stored knowledge-base articles. */
public interface ArticleRecords {

    /** Every article, by sort order then title. */
    List<KnowledgeBaseArticle> list();

    /** The article with this id. */
    Optional<KnowledgeBaseArticle> find(long id);

    /** The article with this slug. */
    Optional<KnowledgeBaseArticle> findBySlug(String slug);

    /** Stores a new article (its id is ignored) and answers it with the assigned id. */
    KnowledgeBaseArticle insert(KnowledgeBaseArticle article);

    /** Overwrites the stored article with the same id. */
    void update(KnowledgeBaseArticle article);

    /** Deletes the article with this id. */
    void delete(long id);

    /** Adds one to the article's view count. */
    void incrementViews(long id);

    /**
     * Published articles matching the search terms, best match first, at most {@code limit}. A term matches a field
     * when some word of the field starts with it, ignoring case. An article matches when at least one term does; its
     * score adds, per term, 3 when the title matches, else 2 when the keywords or category match, else 1 when only
     * the content matches. Higher scores first; ties by sort order, then id.
     *
     * @param terms lower-case search terms, at least one
     */
    List<KnowledgeBaseArticle> search(List<String> terms, int limit);
}
