package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Knowledge-base search in the database ranks exactly as the in-memory reference does. */
class KnowledgeSearchTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final List<String> WORDS = List.of("password", "pass", "passport", "reset", "billing", "bill",
            "invoice", "café", "Straße", "naïve", "e-mail", "refund", "account", "login", "2fa", "order", "ordering",
            "shipping", "ship", "délai", "Über", "über", "x1", "ABC", "abc123");

    private static KnowledgeBaseArticle article(String title, String keywords, String content, boolean published,
            int sortOrder) {
        return new KnowledgeBaseArticle(0, title, "a-" + Math.abs((title + keywords + content).hashCode()) + "-"
                + sortOrder, content, sortOrder % 3 == 0 ? null : "Category " + sortOrder, keywords, published,
                sortOrder, 0, T0, T0);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTitleMatchRanksAboveAKeywordMatchAboveABodyOnlyMatch(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        KnowledgeBaseArticle body = store.articles().insert(article("Account basics", null,
                "To reset your password, open settings.", true, 0));
        KnowledgeBaseArticle keywords = store.articles().insert(article("Signing in", "passwords, login",
                "Use your email.", true, 0));
        KnowledgeBaseArticle title = store.articles().insert(article("Password help", null, "Forgot it?", true, 5));
        store.articles().insert(article("Password draft", null, "Not yet published", false, 0));

        assertThat(store.articles().search(List.of("passw"), 10)).extracting(KnowledgeBaseArticle::id)
                .containsExactly(title.id(), keywords.id(), body.id());
        assertThat(store.articles().search(List.of("ssword"), 10)).as("prefixes of words only").isEmpty();
    }

    @Test
    void postgresKeepsAWeightedSearchVectorBehindAGinIndex() {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        ChatStore store = db.emptyStore();
        KnowledgeBaseArticle a = store.articles().insert(article("Reset password", "login", "Open the café", true, 0));
        store.articles().update(new KnowledgeBaseArticle(a.id(), "Reset passwords", a.slug(), a.content(),
                a.category(), a.keywords(), true, 0, 0, T0, T0));

        assertThat(db.queryLong("SELECT COUNT(*) FROM parley_kb_article WHERE search_vector @@ "
                + "'passwords:A & login:B & caf:*C'::tsquery")).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'parley_kb_article_search_idx'"
                + " AND indexdef LIKE '%USING gin (search_vector)%'")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void randomArticlesAndQueriesGiveTheSameResultsAsTheInMemoryStore(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        InMemoryChatStore memory = new InMemoryChatStore();
        Random random = new Random(7);
        Map<Long, Long> ids = new HashMap<>();
        for (int i = 0; i < 80; i++) {
            KnowledgeBaseArticle a = article(text(random, 1 + random.nextInt(4)),
                    random.nextBoolean() ? null : text(random, 3).replace(' ', ','), text(random, 5 + random.nextInt(30)),
                    random.nextInt(6) > 0, random.nextInt(4));
            ids.put(memory.articles().insert(a).id(), store.articles().insert(a).id());
        }
        for (int q = 0; q < 150; q++) {
            List<String> terms = new ArrayList<>();
            for (int t = 1 + random.nextInt(3); t > 0; t--) {
                String word = WORDS.get(random.nextInt(WORDS.size())).toLowerCase(java.util.Locale.ROOT)
                        .split("[^\\p{L}\\p{N}]+")[0];
                terms.add(word.substring(0, 1 + random.nextInt(word.length())));
            }
            int limit = 1 + random.nextInt(12);
            List<Long> expected = memory.articles().search(terms, limit).stream().map(a -> ids.get(a.id())).toList();
            assertThat(store.articles().search(terms, limit)).as("terms %s", terms)
                    .extracting(KnowledgeBaseArticle::id).containsExactlyElementsOf(expected);
        }
    }

    private static String text(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : random.nextInt(5) == 0 ? ", " : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return b.toString();
    }
}
