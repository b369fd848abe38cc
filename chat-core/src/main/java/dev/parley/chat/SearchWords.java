package dev.parley.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of a knowledge-base text and the ranking of an article, the one definition every store answers to:
 * words are lower case ({@link Locale#ROOT}) and split at anything but letters and digits; an article scores, per
 * search term, 3 for a title word with that prefix, else 2 for a keyword or category word, else 1 for a body word.
 */
public final class SearchWords {

    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {}

    /** The words of a text, in order, repeats kept; none for null. */
    public static List<String> words(@Nullable String text) {
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

    /** The article's score for the terms (lower-case words); 0 when no term matches. */
    public static int score(KnowledgeBaseArticle a, List<String> terms) {
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
}
