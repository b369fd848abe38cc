package dev.parley.chat.jpa.schema;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Parley's table and sequence names and the prefix in front of them. The entities name their tables with the
 * default prefix ({@code parley_chat}, …); {@link TablePrefixNamingStrategy} swaps it for another.
 */
public final class TablePrefix {

    /** The default prefix. */
    public static final String DEFAULT = "parley_";

    /** The tables mapped by entities, without prefix. */
    public static final List<String> TABLES = List.of("chat", "message", "department", "kb_article", "presence",
            "outbox", "uploaded_file", "webhook_endpoint", "webhook_delivery", "webhook_attempt");

    /** The sequences behind the entities' keys, without prefix. */
    public static final List<String> SEQUENCES = List.of("chat_seq", "message_seq", "department_seq",
            "kb_article_seq", "outbox_seq", "uploaded_file_seq", "webhook_seq");

    private static final Pattern VALID = Pattern.compile("|[a-z][a-z0-9_]{0,19}");

    private TablePrefix() {}

    /**
     * Checks a prefix: empty, or up to 20 characters of lower-case letters, digits and underscores starting with a
     * letter (so that every derived name stays within PostgreSQL's 63-character limit).
     */
    public static String check(String prefix) {
        if (!VALID.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix '" + prefix
                    + "' must be empty or 1 to 20 characters of a-z, 0-9 and _, starting with a letter (e.g. 'parley_')");
        }
        return prefix;
    }
}
