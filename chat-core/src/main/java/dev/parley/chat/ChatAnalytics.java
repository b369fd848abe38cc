package dev.parley.chat;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Per-chat analytics, kept up to date by the core as each message is stored.
 *
 * <p>A response time is the whole seconds between the first visitor message not yet answered and the next admin
 * message. SYSTEM messages are not counted in any figure.
 *
 * @param totalMessages       visitor and admin messages
 * @param visitorMessages     messages from the visitor
 * @param adminMessages       messages from admins
 * @param responseCount       how many admin replies answered a waiting visitor message
 * @param totalResponseTime   sum of those response times, in seconds
 * @param longestResponseTime the longest response time in seconds, null before the first reply
 * @param shortestResponseTime the shortest response time in seconds, null before the first reply
 * @param awaitingReplySince  time of the oldest visitor message not yet answered, null when none waits
 * @param firstMessageAt      time of the first counted message
 * @param lastMessageAt       time of the last counted message
 */
public record ChatAnalytics(
        long totalMessages,
        long visitorMessages,
        long adminMessages,
        long responseCount,
        long totalResponseTime,
        @Nullable Long longestResponseTime,
        @Nullable Long shortestResponseTime,
        @Nullable Instant awaitingReplySince,
        @Nullable Instant firstMessageAt,
        @Nullable Instant lastMessageAt) {

    /** Analytics of a chat without messages. */
    public static final ChatAnalytics EMPTY = new ChatAnalytics(0, 0, 0, 0, 0, null, null, null, null, null);

    /** Average response time in seconds (one decimal), null before the first reply. */
    public @Nullable Double avgResponseTime() {
        return responseCount == 0 ? null : Math.round(totalResponseTime * 10.0 / responseCount) / 10.0;
    }

    /** Seconds from the first to the last message, 0 for one message or none. */
    public long sessionDuration() {
        return firstMessageAt == null || lastMessageAt == null
                ? 0
                : Duration.between(firstMessageAt, lastMessageAt).getSeconds();
    }

    /** These analytics after a visitor message at {@code at}. */
    public ChatAnalytics withVisitorMessage(Instant at) {
        return new ChatAnalytics(totalMessages + 1, visitorMessages + 1, adminMessages, responseCount,
                totalResponseTime, longestResponseTime, shortestResponseTime,
                awaitingReplySince == null ? at : awaitingReplySince,
                firstMessageAt == null ? at : firstMessageAt, at);
    }

    /** These analytics after an admin message at {@code at}; it answers the waiting visitor message, if any. */
    public ChatAnalytics withAdminMessage(Instant at) {
        long count = responseCount;
        long total = totalResponseTime;
        Long longest = longestResponseTime;
        Long shortest = shortestResponseTime;
        if (awaitingReplySince != null) {
            long seconds = Math.max(0, Duration.between(awaitingReplySince, at).getSeconds());
            count++;
            total += seconds;
            longest = longest == null ? seconds : Math.max(longest, seconds);
            shortest = shortest == null ? seconds : Math.min(shortest, seconds);
        }
        return new ChatAnalytics(totalMessages + 1, visitorMessages, adminMessages + 1, count, total, longest,
                shortest, null, firstMessageAt == null ? at : firstMessageAt, at);
    }
}
