package dev.parley.chat.jpa;

import dev.parley.chat.KnowledgeBaseArticle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of an article as the in-memory store sees them (lower case, split at anything but letters and digits)
 * and its ranking: per search term 3 for a title word with that prefix, else 2 for keywords or category, else 1 for
 * the body. PostgreSQL gets the same words as a weighted {@code tsvector} (A title, B keywords and category, C body)
 * so that its index answers exactly what the in-memory store answers.
 */
final class SearchWords {

    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** PostgreSQL refuses lexemes over 2047 bytes; search terms are far shorter, so prefix matching is unchanged. */
    private static final int MAX_LEXEME = 255;
    private static final int MAX_POSITION = 16_383;

    private SearchWords() {}

    static List<String> words(@Nullable String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String w : WORD_SPLIT.split(text.toLowerCase(Locale.ROOT))) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    static int score(KnowledgeBaseArticle a, List<String> terms) {
        int total = 0;
        for (String term : terms) {
            if (hasWordWithPrefix(a.title(), term)) {
                total += 3;
            } else if (hasWordWithPrefix(a.keywords(), term) || hasWordWithPrefix(a.category(), term)) {
                total += 2;
            } else if (hasWordWithPrefix(a.content(), term)) {
                total += 1;
            }
        }
        return total;
    }

    private static boolean hasWordWithPrefix(@Nullable String text, String prefix) {
        return words(text).stream().anyMatch(w -> w.startsWith(prefix));
    }

    /** The article's words as a {@code tsvector} literal with weights. */
    static String tsvector(KnowledgeBaseArticle a) {
        StringBuilder v = new StringBuilder();
        int[] position = {1};
        append(v, position, distinct(words(a.title())), 'A');
        Set<String> b = distinct(words(a.keywords()));
        b.addAll(distinct(words(a.category())));
        append(v, position, b, 'B');
        append(v, position, distinct(words(a.content())), 'C');
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
