package dev.parley.chat.jpa;

import dev.parley.chat.ChatStatus;
import dev.parley.chat.store.ChatContribution;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one mapping between the sums of {@link ChatContribution} and the sum columns of {@code <prefix>chat_rollup}:
 * each column's name, the component it holds, and its value for one row of the chat table as SQL (for rebuilds and
 * for the parts of a report read from the chat table). The status conditions of that SQL are generated from the
 * core's contribution of each status, so no status is named here.
 */
enum RollupColumn {
    TOTAL("total", ChatContribution::total, "1"),
    ACTIVE("active", ChatContribution::active, statusCase(ChatContribution::active)),
    RESOLVED("resolved", ChatContribution::resolved, statusCase(ChatContribution::resolved)),
    RATED("rated", ChatContribution::rated, "CASE WHEN rating IS NULL THEN 0 ELSE 1 END"),
    RATING_SUM("rating_sum", ChatContribution::ratingSum, "COALESCE(rating, 0)"),
    RATING_1("rating_1", ChatContribution::rating1, ratingCase(ChatContribution::rating1)),
    RATING_2("rating_2", ChatContribution::rating2, ratingCase(ChatContribution::rating2)),
    RATING_3("rating_3", ChatContribution::rating3, ratingCase(ChatContribution::rating3)),
    RATING_4("rating_4", ChatContribution::rating4, ratingCase(ChatContribution::rating4)),
    RATING_5("rating_5", ChatContribution::rating5, ratingCase(ChatContribution::rating5)),
    RESPONDED("responded", ChatContribution::responded, "CASE WHEN response_time IS NULL THEN 0 ELSE 1 END"),
    RESPONSE_TIME_SUM("response_time_sum", ChatContribution::responseTimeSum, "COALESCE(response_time, 0)"),
    TIMED_RESOLUTIONS("timed_resolutions", ChatContribution::timedResolutions,
            "CASE WHEN resolution_time IS NULL THEN 0 ELSE 1 END"),
    RESOLUTION_TIME_SUM("resolution_time_sum", ChatContribution::resolutionTimeSum, "COALESCE(resolution_time, 0)"),
    MESSAGE_SUM("message_sum", ChatContribution::messageSum, "total_messages");

    /** Every column, in declaration order (the order of the components). */
    static final List<RollupColumn> ALL = List.of(values());

    /** The column names, comma-separated, in {@link #ALL} order. */
    static final String NAMES = ALL.stream().map(RollupColumn::column).collect(Collectors.joining(", "));

    /**
     * The sums over the rows of the chat table a query groups, in {@link #ALL} order; each is the sum of the
     * column's {@link #perChat} expression, so it equals the sum of the chats' contributions.
     */
    static final String CHAT_SUMS = ALL.stream().map(c -> "SUM(" + c.perChat + ")").collect(Collectors.joining(", "));

    /** The columns a chat row's sums need, for a subquery that feeds {@link #CHAT_SUMS}. */
    static final String CHAT_COLUMNS = "status, rating, response_time, resolution_time, total_messages";

    private final String column;
    private final ToLongFunction<ChatContribution> value;
    private final String perChat;

    RollupColumn(String column, ToLongFunction<ChatContribution> value, String perChat) {
        this.column = column;
        this.value = value;
        this.perChat = perChat;
    }

    /** The column's name. */
    String column() {
        return column;
    }

    /** The column's value in these sums. */
    long of(ChatContribution sums) {
        return value.applyAsLong(sums);
    }

    /** The sums whose columns have these values. */
    static ChatContribution read(ToLongFunction<RollupColumn> cell) {
        return new ChatContribution(cell.applyAsLong(TOTAL), cell.applyAsLong(ACTIVE), cell.applyAsLong(RESOLVED),
                cell.applyAsLong(RATED), cell.applyAsLong(RATING_SUM), cell.applyAsLong(RATING_1),
                cell.applyAsLong(RATING_2), cell.applyAsLong(RATING_3), cell.applyAsLong(RATING_4),
                cell.applyAsLong(RATING_5), cell.applyAsLong(RESPONDED), cell.applyAsLong(RESPONSE_TIME_SUM),
                cell.applyAsLong(TIMED_RESOLUTIONS), cell.applyAsLong(RESOLUTION_TIME_SUM),
                cell.applyAsLong(MESSAGE_SUM));
    }

    /** 1 for the statuses whose contribution has 1 in this sum, else 0, over the {@code status} column. */
    private static String statusCase(ToLongFunction<ChatContribution> sum) {
        String counted = Arrays.stream(ChatStatus.values())
                .filter(s -> sum.applyAsLong(ChatContribution.of(s, null, null, null, 0)) == 1)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return counted.isEmpty() ? "0" : "CASE WHEN status IN (" + counted + ") THEN 1 ELSE 0 END";
    }

    /** 1 for the ratings whose contribution has 1 in this sum, else 0, over the {@code rating} column. */
    private static String ratingCase(ToLongFunction<ChatContribution> sum) {
        String counted = IntStream.rangeClosed(ChatContribution.MIN_RATING, ChatContribution.MAX_RATING)
                .filter(r -> sum.applyAsLong(ChatContribution.of(ChatStatus.RESOLVED, r, null, null, 0)) == 1)
                .mapToObj(String::valueOf).collect(Collectors.joining(", "));
        return "CASE WHEN rating IN (" + counted + ") THEN 1 ELSE 0 END";
    }
}
