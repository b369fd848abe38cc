package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.knowledge.DefaultKnowledgeBase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one definition of knowledge-base words and ranking, which the stores and the query terms share. */
class SearchWordsTest {

    private static KnowledgeBaseArticle article(String title, String keywords, String category, String content) {
        Instant t = Instant.parse("2026-03-10T10:00:00Z");
        return new KnowledgeBaseArticle(1, title, "slug", content, category, keywords, true, 0, 0, t, t);
    }

    @Test
    void wordsAreLowerCaseRunsOfLettersAndDigits() {
        assertThat(SearchWords.words("Reset your PASSWORD: 2-step, Größe/ÉTÉ!"))
                .containsExactly("reset", "your", "password", "2", "step", "größe", "été");
        assertThat(SearchWords.words("  --  ")).isEmpty();
        assertThat(SearchWords.words(null)).isEmpty();
    }

    @Test
    void queryTermsAreTheSameWordsWithoutCommonOnes() {
        assertThat(DefaultKnowledgeBase.terms("How do I reset MY Password, password?"))
                .containsExactly("reset", "password");
    }

    @Test
    void eachTermScoresItsBestPlaceByWordPrefix() {
        KnowledgeBaseArticle a = article("Resetting a password", "login, account", "Security", "Open settings");

        assertThat(SearchWords.score(a, List.of("reset"))).isEqualTo(3);
        assertThat(SearchWords.score(a, List.of("acc"))).isEqualTo(2);
        assertThat(SearchWords.score(a, List.of("secu"))).isEqualTo(2);
        assertThat(SearchWords.score(a, List.of("sett"))).isEqualTo(1);
        assertThat(SearchWords.score(a, List.of("word"))).as("a prefix of a word, not an inner part").isZero();
        assertThat(SearchWords.score(a, List.of("pass", "log", "open"))).isEqualTo(3 + 2 + 1);
    }
}
