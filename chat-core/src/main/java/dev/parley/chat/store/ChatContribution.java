package dev.parley.chat.store;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ParleyException;
import dev.parley.chat.store.WindowTotals.DepartmentCount;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What chats add to the analytics sums of a window ({@link WindowTotals}): for one chat, {@link #of(Chat)}; for
 * many, the {@link #plus sum} of theirs. A store that keeps rollups adds, for each change of a chat, the difference
 * {@code of(after).minus(of(before))} to the rows the chat counts in, and never decides itself what counts: this
 * type is the one definition.
 *
 * @param total             chats
 * @param active            of those, open ({@link ChatStatus#isOpen()})
 * @param resolved          of those, resolved ({@link ChatStatus#isResolved()})
 * @param rated             of those, with a rating
 * @param ratingSum         sum of their ratings
 * @param rating1           of those, rated 1
 * @param rating2           of those, rated 2
 * @param rating3           of those, rated 3
 * @param rating4           of those, rated 4
 * @param rating5           of those, rated 5
 * @param responded         of those, with a response time
 * @param responseTimeSum   sum of their response times, seconds
 * @param timedResolutions  of those, with a resolution time
 * @param resolutionTimeSum sum of their resolution times, seconds
 * @param messageSum        sum of their total messages
 */
public record ChatContribution(long total, long active, long resolved, long rated, long ratingSum, long rating1,
        long rating2, long rating3, long rating4, long rating5, long responded, long responseTimeSum,
        long timedResolutions, long resolutionTimeSum, long messageSum) {

    /** No chat: every sum zero. */
    public static final ChatContribution ZERO = new ChatContribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The lowest rating. */
    public static final int MIN_RATING = 1;

    /** The highest rating. */
    public static final int MAX_RATING = 5;

    /** What this chat adds. */
    public static ChatContribution of(Chat chat) {
        return of(chat.status(), chat.rating(), chat.responseTime(), chat.resolutionTime(),
                chat.analytics().totalMessages());
    }

    /**
     * What a chat with these values adds (for a store that reads only these columns of a chat's row).
     *
     * @throws ParleyException (validation) when the rating is outside 1 to 5
     */
    public static ChatContribution of(ChatStatus status, @Nullable Integer rating, @Nullable Long responseTime,
            @Nullable Long resolutionTime, long totalMessages) {
        if (rating != null && (rating < MIN_RATING || rating > MAX_RATING)) {
            throw ParleyException.invalid("a rating is 1 to 5, not " + rating);
        }
        int r = rating == null ? 0 : rating;
        return new ChatContribution(1, status.isOpen() ? 1 : 0, status.isResolved() ? 1 : 0, rating == null ? 0 : 1,
                r, r == 1 ? 1 : 0, r == 2 ? 1 : 0, r == 3 ? 1 : 0, r == 4 ? 1 : 0, r == 5 ? 1 : 0,
                responseTime == null ? 0 : 1, responseTime == null ? 0 : responseTime, resolutionTime == null ? 0 : 1,
                resolutionTime == null ? 0 : resolutionTime, totalMessages);
    }

    /** Chats rated {@code value} (1 to 5). */
    public long ratings(int value) {
        return switch (value) {
            case 1 -> rating1;
            case 2 -> rating2;
            case 3 -> rating3;
            case 4 -> rating4;
            case 5 -> rating5;
            default -> throw new IllegalArgumentException("a rating is 1 to 5, not " + value);
        };
    }

    /** The sums of both. */
    public ChatContribution plus(ChatContribution o) {
        return new ChatContribution(total + o.total, active + o.active, resolved + o.resolved, rated + o.rated,
                ratingSum + o.ratingSum, rating1 + o.rating1, rating2 + o.rating2, rating3 + o.rating3,
                rating4 + o.rating4, rating5 + o.rating5, responded + o.responded,
                responseTimeSum + o.responseTimeSum, timedResolutions + o.timedResolutions,
                resolutionTimeSum + o.resolutionTimeSum, messageSum + o.messageSum);
    }

    /** The difference: what to add to sums holding {@code o} so that they hold this instead. */
    public ChatContribution minus(ChatContribution o) {
        return plus(o.negated());
    }

    /** Every sum negated: what taking these chats away adds. */
    public ChatContribution negated() {
        return new ChatContribution(-total, -active, -resolved, -rated, -ratingSum, -rating1, -rating2, -rating3,
                -rating4, -rating5, -responded, -responseTimeSum, -timedResolutions, -resolutionTimeSum,
                -messageSum);
    }

    /** Whether every sum is zero (a change that adds nothing). */
    public boolean isZero() {
        return equals(ZERO);
    }

    /**
     * The window's totals from the sums of its chats per department slug (departments with no chat are left out).
     */
    public static WindowTotals totals(Map<String, ChatContribution> byDepartment) {
        ChatContribution all = ZERO;
        Map<String, DepartmentCount> departments = new HashMap<>();
        for (Map.Entry<String, ChatContribution> e : byDepartment.entrySet()) {
            ChatContribution d = e.getValue();
            all = all.plus(d);
            if (d.total() > 0) {
                departments.put(e.getKey(), new DepartmentCount(d.total(), d.resolved()));
            }
        }
        Map<Integer, Long> ratings = new HashMap<>();
        for (int value = MIN_RATING; value <= MAX_RATING; value++) {
            if (all.ratings(value) > 0) {
                ratings.put(value, all.ratings(value));
            }
        }
        return new WindowTotals(all.total(), all.active(), all.resolved(), all.rated(), all.ratingSum(),
                all.responded(), all.responseTimeSum(), all.timedResolutions(), all.resolutionTimeSum(),
                all.messageSum(), ratings, departments);
    }
}
