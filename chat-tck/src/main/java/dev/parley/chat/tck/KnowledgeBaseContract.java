package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.knowledge.ArticleDraft;
import dev.parley.chat.knowledge.KnowledgeBase;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The knowledge base: seeds, management rules, and search (published only, best match first), views. */
public abstract class KnowledgeBaseContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected KnowledgeBaseContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private KnowledgeBase kb() {
        return parley().knowledgeBase();
    }

    private KnowledgeBaseArticle article(String title, String slug, String content, @Nullable String keywords,
            boolean published,
            int sortOrder) {
        return kb().create(new ArticleDraft(title, slug, content, "Animals", keywords, published, sortOrder));
    }

    private KnowledgeBaseArticle bodyOnly;
    private KnowledgeBaseArticle inTitle;
    private KnowledgeBaseArticle inKeywords;

    private void zoo() {
        bodyOnly = article("Garden hoses", "hoses", "Keep the hose away from the zebra enclosure.", "garden", true, 0);
        inTitle = article("Zebra care", "zebra-care", "Feed them hay.", "stripes", true, 10);
        inKeywords = article("Miscellaneous", "misc", "Nothing to see.", "zebras, horses", true, 5);
        article("Zebra secrets", "zebra-secrets", "Unpublished zebra draft.", "zebra", false, 0);
    }

    @Test
    void anEmptyStoreIsSeededWithSixPublishedArticles() {
        assertThat(kb().list()).hasSize(6).allMatch(KnowledgeBaseArticle::published);
        assertThat(kb().search("password", 10)).extracting(KnowledgeBaseArticle::slug).first()
                .isEqualTo("reset-password");
    }

    @Test
    void searchFindsOnlyPublishedArticles() {
        zoo();
        assertThat(kb().search("zebra", 10)).extracting(KnowledgeBaseArticle::slug)
                .doesNotContain("zebra-secrets").contains("zebra-care");
    }

    @Test
    void aTitleMatchRanksAboveAKeywordMatchAboveABodyOnlyMatch() {
        zoo();
        assertThat(kb().search("zebra", 10)).extracting(KnowledgeBaseArticle::id)
                .containsExactly(inTitle.id(), inKeywords.id(), bodyOnly.id());
    }

    @Test
    void articlesMatchingMoreWordsRankHigher() {
        zoo();
        assertThat(kb().search("zebra hoses", 10)).extracting(KnowledgeBaseArticle::id)
                .containsExactly(bodyOnly.id(), inTitle.id(), inKeywords.id());
    }

    @Test
    void equalMatchesAreOrderedBySortOrder() {
        KnowledgeBaseArticle later = article("Okapi facts", "okapi-late", "x", null, true, 9);
        KnowledgeBaseArticle earlier = article("Okapi habitat", "okapi-early", "x", null, true, 1);
        assertThat(kb().search("okapi", 10)).extracting(KnowledgeBaseArticle::id)
                .containsExactly(earlier.id(), later.id());
    }

    @Test
    void searchMatchesWordPrefixesIgnoringCaseAndCommonWords() {
        zoo();
        assertThat(kb().search("ZEB", 10)).extracting(KnowledgeBaseArticle::id)
                .containsExactly(inTitle.id(), inKeywords.id(), bodyOnly.id());
        assertThat(kb().search("how do I care for my zebra?", 10)).extracting(KnowledgeBaseArticle::id)
                .first().isEqualTo(inTitle.id());
        assertThat(kb().search("ebra", 10)).as("inside a word is no match").isEmpty();
    }

    @Test
    void searchWithoutUsefulWordsFindsNothing() {
        assertThat(kb().search("", 10)).isEmpty();
        assertThat(kb().search("   ", 10)).isEmpty();
        assertThat(kb().search("how do I", 10)).isEmpty();
        assertThat(kb().search("?!", 10)).isEmpty();
    }

    @Test
    void searchIsBounded() {
        zoo();
        assertThat(kb().search("zebra", 1)).extracting(KnowledgeBaseArticle::id).containsExactly(inTitle.id());
        assertFails(ErrorCode.VALIDATION, () -> kb().search("zebra", 0), "limit");
        assertFails(ErrorCode.VALIDATION, () -> kb().search("zebra", 51), "limit");
        assertFails(ErrorCode.VALIDATION, () -> kb().search("q".repeat(201), 10), "q", "200");
    }

    @Test
    void openingAPublishedArticleCountsAView() {
        zoo();
        assertThat(kb().open("zebra-care").viewCount()).isEqualTo(1);
        assertThat(kb().open("zebra-care").viewCount()).isEqualTo(2);
        assertThat(store().articles().find(inTitle.id())).map(KnowledgeBaseArticle::viewCount).contains(2L);
        assertFails(ErrorCode.NOT_FOUND, () -> kb().open("zebra-secrets"), "zebra-secrets");
        assertFails(ErrorCode.NOT_FOUND, () -> kb().open("nothing-here"), "nothing-here");
    }

    @Test
    void anArticleIsCreatedWithEveryFieldAndUnpublishedByDefault() {
        KnowledgeBaseArticle a = kb().create(new ArticleDraft("  Opening hours ", null, " We are open 9–5.\n ",
                " General ", "hours, time", null, null));
        assertThat(a.id()).isPositive();
        assertThat(a).isEqualTo(new KnowledgeBaseArticle(a.id(), "Opening hours", "opening-hours",
                "We are open 9–5.", "General", "hours, time", false, 0, 0, T0, T0));
        assertThat(store().articles().find(a.id())).contains(a);
        assertThat(store().articles().findBySlug("opening-hours")).contains(a);
    }

    @Test
    void articleRulesAreChecked() {
        assertFails(ErrorCode.VALIDATION, () -> kb().create(new ArticleDraft(null, "x", "body", null, null, null,
                null)), "title", "required");
        assertFails(ErrorCode.VALIDATION, () -> kb().create(new ArticleDraft("Title", "x", " ", null, null, null,
                null)), "content", "required");
        assertFails(ErrorCode.VALIDATION, () -> kb().create(new ArticleDraft("Title", "Bad Slug", "body", null,
                null, null, null)), "slug");
        assertFails(ErrorCode.CONFLICT, () -> kb().create(new ArticleDraft("Another reset", "reset-password", "b",
                null, null, null, null)), "reset-password");
        assertThat(kb().list()).hasSize(6);
    }

    @Test
    void anUpdateChangesOnlyTheGivenFieldsAndKeepsTheViews() {
        zoo();
        kb().open("zebra-care");
        clock.advance(Duration.ofMinutes(3));
        KnowledgeBaseArticle updated = kb().update(inTitle.id(), new ArticleDraft(null, null, "Feed them grass.",
                null, null, false, null));

        assertThat(updated.title()).isEqualTo("Zebra care");
        assertThat(updated.content()).isEqualTo("Feed them grass.");
        assertThat(updated.published()).isFalse();
        assertThat(updated.viewCount()).isEqualTo(1);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(store().articles().find(inTitle.id())).contains(updated);
        assertThat(kb().search("zebra", 10)).extracting(KnowledgeBaseArticle::id).doesNotContain(inTitle.id());
        assertFails(ErrorCode.CONFLICT, () -> kb().update(inTitle.id(), new ArticleDraft(null, "hoses", null, null,
                null, null, null)), "hoses");
        assertFails(ErrorCode.NOT_FOUND, () -> kb().update(98_765, new ArticleDraft("x", null, null, null, null,
                null, null)), "98765");
    }

    @Test
    void anArticleIsDeleted() {
        zoo();
        kb().delete(inTitle.id());
        assertThat(store().articles().find(inTitle.id())).isEmpty();
        assertThat(kb().search("zebra", 10)).extracting(KnowledgeBaseArticle::id).doesNotContain(inTitle.id());
        assertFails(ErrorCode.NOT_FOUND, () -> kb().delete(inTitle.id()));
    }

    @Test
    void theListShowsEveryArticleBySortOrderThenTitle() {
        zoo();
        assertThat(kb().list()).hasSize(10);
        assertThat(kb().list()).extracting(KnowledgeBaseArticle::slug).startsWith("hoses", "zebra-secrets",
                "reset-password");
    }
}
