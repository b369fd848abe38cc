package dev.parley.chat.knowledge;

import dev.parley.chat.KnowledgeBaseArticle;
import java.util.List;

/** The knowledge base: search for visitors, management for admins. */
public interface KnowledgeBase {

    /** Published articles matching the query, best match first (a title match ranks above a body-only match). */
    List<KnowledgeBaseArticle> search(String query, int limit);

    /** A published article by slug; counts a view. */
    KnowledgeBaseArticle open(String slug);

    /** Every article, published or not, by sort order then title. */
    List<KnowledgeBaseArticle> list();

    /** Creates an article. */
    KnowledgeBaseArticle create(ArticleDraft draft);

    /** Updates the article with this id. */
    KnowledgeBaseArticle update(long id, ArticleDraft draft);

    /** Deletes the article with this id. */
    void delete(long id);
}
