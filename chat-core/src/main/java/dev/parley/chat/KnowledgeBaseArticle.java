package dev.parley.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An article of the knowledge base.
 *
 * @param id        store-assigned id
 * @param title     the title
 * @param slug      unique {@code [a-z0-9-]}
 * @param content   the body (plain text or Markdown, as the host renders it)
 * @param category  a free category name
 * @param keywords  comma-separated search keywords
 * @param published whether visitors can find it
 * @param sortOrder position in lists, ascending
 * @param viewCount how often visitors opened it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record KnowledgeBaseArticle(
        long id,
        String title,
        String slug,
        String content,
        @Nullable String category,
        @Nullable String keywords,
        boolean published,
        int sortOrder,
        long viewCount,
        Instant createdAt,
        Instant updatedAt) {

    /** This article with the store-assigned id. */
    public KnowledgeBaseArticle withId(long newId) {
        return new KnowledgeBaseArticle(newId, title, slug, content, category, keywords, published, sortOrder,
                viewCount, createdAt, updatedAt);
    }
}
