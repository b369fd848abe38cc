package dev.parley.chat.knowledge;

import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.ParleyException;
import dev.parley.chat.SearchWords;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge-base rules over the store. Search splits the query into words, drops common English words, and asks the
 * store for published articles matching any of them, ranked.
 */
public final class DefaultKnowledgeBase implements KnowledgeBase {

    /** The most results a search answers. */
    public static final int MAX_RESULTS = 50;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can",
            "do", "does", "for", "from", "how", "i", "in", "is", "it", "me", "my", "of", "on", "or", "the", "to",
            "what", "when", "where", "why", "with", "you", "your");

    private static final Logger log = LoggerFactory.getLogger(DefaultKnowledgeBase.class);

    private final ChatStore store;
    private final Clock clock;

    /** Creates the service. */
    public DefaultKnowledgeBase(ChatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates the sample articles when the store has none; answers whether it did. */
    public boolean seedIfEmpty() {
        return store.transactions().inTransaction(() -> {
            if (!store.articles().list().isEmpty()) {
                return false;
            }
            SampleArticles.ALL.forEach(this::create);
            log.info("Seeded {} knowledge-base articles", SampleArticles.ALL.size());
            return true;
        });
    }

    /** The search terms of a query: lower-case words, without common words, at most 10. */
    public static List<String> terms(String query) {
        return SearchWords.words(query).stream()
                .filter(t -> !STOP_WORDS.contains(t))
                .distinct()
                .limit(10)
                .toList();
    }

    @Override
    public List<KnowledgeBaseArticle> search(String query, int limit) {
        String q = Checks.optionalLine(query, "q", 200);
        Checks.between(limit, 1, MAX_RESULTS, "limit");
        List<String> terms = q == null ? List.of() : terms(q);
        return terms.isEmpty() ? List.of() : store.articles().search(terms, limit);
    }

    @Override
    public KnowledgeBaseArticle open(String slug) {
        KnowledgeBaseArticle a = store.articles().findBySlug(slug).filter(KnowledgeBaseArticle::published)
                .orElseThrow(() -> ParleyException.notFound("no published article '" + slug + "'"));
        store.articles().incrementViews(a.id());
        return store.articles().find(a.id()).orElse(a);
    }

    @Override
    public List<KnowledgeBaseArticle> list() {
        return store.articles().list();
    }

    @Override
    public KnowledgeBaseArticle create(ArticleDraft draft) {
        String title = Checks.requiredLine(draft.title(), "title", 200);
        String slug = Checks.slug(draft.slug() == null ? Checks.slugify(title) : draft.slug(), "slug");
        String content = Checks.optionalText(draft.content(), "content", 50_000);
        if (content == null) {
            throw ParleyException.invalid("content is required");
        }
        Instant now = clock.instant();
        KnowledgeBaseArticle a = new KnowledgeBaseArticle(0, title, slug, content,
                Checks.optionalLine(draft.category(), "category", 100),
                Checks.optionalLine(draft.keywords(), "keywords", 500),
                draft.published() != null && draft.published(),
                draft.sortOrder() == null ? 0 : draft.sortOrder(), 0, now, now);
        return store.transactions().inTransaction(() -> {
            requireUniqueSlug(a);
            return store.articles().insert(a);
        });
    }

    @Override
    public KnowledgeBaseArticle update(long id, ArticleDraft draft) {
        return store.transactions().inTransaction(() -> {
            KnowledgeBaseArticle old = find(id);
            String content = draft.content() == null ? old.content()
                    : Checks.optionalText(draft.content(), "content", 50_000);
            if (content == null) {
                throw ParleyException.invalid("content must not be empty");
            }
            KnowledgeBaseArticle a = new KnowledgeBaseArticle(id,
                    draft.title() == null ? old.title() : Checks.requiredLine(draft.title(), "title", 200),
                    draft.slug() == null ? old.slug() : Checks.slug(draft.slug(), "slug"),
                    content,
                    draft.category() == null ? old.category() : Checks.optionalLine(draft.category(), "category", 100),
                    draft.keywords() == null ? old.keywords() : Checks.optionalLine(draft.keywords(), "keywords", 500),
                    draft.published() == null ? old.published() : draft.published(),
                    draft.sortOrder() == null ? old.sortOrder() : draft.sortOrder(),
                    old.viewCount(), old.createdAt(), clock.instant());
            requireUniqueSlug(a);
            store.articles().update(a);
            return a;
        });
    }

    @Override
    public void delete(long id) {
        store.transactions().run(() -> {
            find(id);
            store.articles().delete(id);
        });
    }

    private KnowledgeBaseArticle find(long id) {
        return store.articles().find(id)
                .orElseThrow(() -> ParleyException.notFound("article " + id + " does not exist"));
    }

    private void requireUniqueSlug(KnowledgeBaseArticle a) {
        store.articles().findBySlug(a.slug()).filter(o -> o.id() != a.id()).ifPresent(o -> {
            throw ParleyException.conflict("an article with slug '" + a.slug() + "' exists");
        });
    }
}
