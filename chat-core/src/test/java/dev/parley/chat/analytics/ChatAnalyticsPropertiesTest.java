package dev.parley.chat.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** {@link ChatAnalytics} folded message by message equals a direct computation, and keeps its invariants. */
class ChatAnalyticsPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    record Step(Sender sender, int afterSeconds) {}

    @Provide
    Arbitrary<List<Step>> conversations() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(Sender.VISITOR, Sender.VISITOR, Sender.ADMIN, Sender.SYSTEM),
                Arbitraries.integers().between(0, 3_600)).as(Step::new);
        return step.list().ofMaxSize(60);
    }

    /** The definitions of docs/concepts.md, computed in one pass over the whole conversation. */
    private record Expected(long visitor, long admin, List<Long> responses, @Nullable Instant waitingSince,
            @Nullable Instant first, @Nullable Instant last) {

        static Expected of(List<Step> steps) {
            long visitor = 0;
            long admin = 0;
            List<Long> responses = new ArrayList<>();
            Instant waiting = null;
            Instant first = null;
            Instant last = null;
            Instant t = T0;
            for (Step s : steps) {
                t = t.plusSeconds(s.afterSeconds());
                if (s.sender() == Sender.SYSTEM) {
                    continue;
                }
                first = first == null ? t : first;
                last = t;
                if (s.sender() == Sender.VISITOR) {
                    visitor++;
                    waiting = waiting == null ? t : waiting;
                } else {
                    admin++;
                    if (waiting != null) {
                        responses.add(t.getEpochSecond() - waiting.getEpochSecond());
                        waiting = null;
                    }
                }
            }
            return new Expected(visitor, admin, responses, waiting, first, last);
        }
    }

    private static ChatAnalytics fold(List<Step> steps) {
        ChatAnalytics a = ChatAnalytics.EMPTY;
        Instant t = T0;
        for (Step s : steps) {
            t = t.plusSeconds(s.afterSeconds());
            if (s.sender() == Sender.VISITOR) {
                a = a.withVisitorMessage(t);
            } else if (s.sender() == Sender.ADMIN) {
                a = a.withAdminMessage(t);
            }
        }
        return a;
    }

    @Property(tries = 300)
    void foldingEqualsTheDefinition(@ForAll("conversations") List<Step> steps) {
        ChatAnalytics a = fold(steps);
        Expected e = Expected.of(steps);

        assertThat(a.visitorMessages()).isEqualTo(e.visitor());
        assertThat(a.adminMessages()).isEqualTo(e.admin());
        assertThat(a.totalMessages()).isEqualTo(e.visitor() + e.admin());
        assertThat(a.responseCount()).isEqualTo(e.responses().size());
        assertThat(a.totalResponseTime()).isEqualTo(e.responses().stream().mapToLong(Long::longValue).sum());
        assertThat(a.longestResponseTime()).isEqualTo(e.responses().stream().max(Long::compare).orElse(null));
        assertThat(a.shortestResponseTime()).isEqualTo(e.responses().stream().min(Long::compare).orElse(null));
        assertThat(a.awaitingReplySince()).isEqualTo(e.waitingSince());
        assertThat(a.firstMessageAt()).isEqualTo(e.first());
        assertThat(a.lastMessageAt()).isEqualTo(e.last());
        assertThat(a.sessionDuration()).isEqualTo(e.first() == null ? 0
                : e.last().getEpochSecond() - e.first().getEpochSecond());
    }

    @Property(tries = 300)
    void invariantsHold(@ForAll("conversations") List<Step> steps) {
        ChatAnalytics a = fold(steps);

        assertThat(a.responseCount()).isLessThanOrEqualTo(Math.min(a.adminMessages(), a.visitorMessages()));
        assertThat(a.sessionDuration()).isNotNegative();
        if (a.responseCount() == 0) {
            assertThat(a.avgResponseTime()).isNull();
            assertThat(a.longestResponseTime()).isNull();
            assertThat(a.shortestResponseTime()).isNull();
        } else {
            assertThat(a.shortestResponseTime()).isLessThanOrEqualTo(a.longestResponseTime());
            assertThat(a.avgResponseTime()).isBetween((double) a.shortestResponseTime(),
                    (double) a.longestResponseTime());
            assertThat(a.longestResponseTime()).isLessThanOrEqualTo(a.sessionDuration());
        }
        assertThat(a.awaitingReplySince() == null)
                .as("a reply is awaited exactly when a visitor wrote after the last admin message")
                .isEqualTo(lastCountedIsAdminOrNone(steps));
    }

    private static boolean lastCountedIsAdminOrNone(List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).sender() != Sender.SYSTEM) {
                return steps.get(i).sender() == Sender.ADMIN;
            }
        }
        return true;
    }
}
