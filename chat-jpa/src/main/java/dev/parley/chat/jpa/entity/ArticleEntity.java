package dev.parley.chat.jpa.entity;

import dev.parley.chat.KnowledgeBaseArticle;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code parley_kb_article}. On PostgreSQL the table also has a {@code search_vector} column (a weighted
 * {@code tsvector}) that the store keeps up to date with native SQL; it is not mapped here.
 */
@Entity(name = "ParleyArticle")
@Table(name = "parley_kb_article")
public class ArticleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_kb_article_seq")
    @SequenceGenerator(name = "parley_kb_article_seq", sequenceName = "parley_kb_article_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;
    @Column(name = "slug", nullable = false, length = 50)
    private String slug;
    @Column(name = "content", nullable = false)
    private String content;
    @Column(name = "category", length = 100)
    private @Nullable String category;
    @Column(name = "keywords", length = 500)
    private @Nullable String keywords;
    @Column(name = "published", nullable = false)
    private boolean published;
    @Column(name = "sort_order", nullable = false)
    private int sortOrder;
    @Column(name = "view_count", nullable = false)
    private long viewCount;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected ArticleEntity() {}

    /** A new row holding the article (its id is assigned on persist). */
    public static ArticleEntity of(KnowledgeBaseArticle a) {
        ArticleEntity e = new ArticleEntity();
        e.apply(a);
        return e;
    }

    /** The store-assigned id. */
    public Long getId() {
        return id;
    }

    /** Copies every field but the id into this row. */
    public void apply(KnowledgeBaseArticle a) {
        title = a.title();
        slug = a.slug();
        content = a.content();
        category = a.category();
        keywords = a.keywords();
        published = a.published();
        sortOrder = a.sortOrder();
        viewCount = a.viewCount();
        createdAt = a.createdAt();
        updatedAt = a.updatedAt();
    }

    /** The article this row holds. */
    public KnowledgeBaseArticle toRecord() {
        return new KnowledgeBaseArticle(id, title, slug, content, category, keywords, published, sortOrder, viewCount,
                createdAt, updatedAt);
    }
}
