package dev.parley.chat.jpa;

import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.SearchWords;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of an article ({@link SearchWords#words}, the core's one definition) as a weighted PostgreSQL
 * {@code tsvector}: A title, B keywords and category, C body, so that prefix queries restricted to a weight rank
 * as {@link SearchWords#score} does and the index answers exactly what the in-memory store answers.
 */
final class SearchVectors {

    /** PostgreSQL refuses lexemes over 2047 bytes; search terms are far shorter, so prefix matching is unchanged. */
    private static final int MAX_LEXEME = 255;
    private static final int MAX_POSITION = 16_383;

    private SearchVectors() {}

    /** The article's words as a {@code tsvector} literal with weights. */
    static String tsvector(KnowledgeBaseArticle a) {
        StringBuilder v = new StringBuilder();
        int[] position = {1};
        append(v, position, distinct(SearchWords.words(a.title())), 'A');
        Set<String> b = distinct(SearchWords.words(a.keywords()));
        b.addAll(distinct(SearchWords.words(a.category())));
        append(v, position, b, 'B');
        append(v, position, distinct(SearchWords.words(a.content())), 'C');
        return v.toString();
    }

    private static Set<String> distinct(List<String> words) {
        Set<String> set = new LinkedHashSet<>();
        for (String w : words) {
            set.add(w.length() > MAX_LEXEME ? w.substring(0, MAX_LEXEME) : w);
        }
        return set;
    }

    private static void append(StringBuilder v, int[] position, Set<String> words, char weight) {
        for (String w : words) {
            if (v.length() > 0) {
                v.append(' ');
            }
            v.append(quote(w)).append(':').append(Math.min(position[0]++, MAX_POSITION)).append(weight);
        }
    }

    /** A prefix query for one term restricted to the given weights, as a {@code tsquery} literal. */
    static String prefixQuery(String term, String weights) {
        return quote(term) + ":*" + weights;
    }

    private static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
