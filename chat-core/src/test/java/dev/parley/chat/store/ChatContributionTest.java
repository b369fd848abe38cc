package dev.parley.chat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.store.WindowTotals.DepartmentCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * What a chat contributes to the analytics sums: each sum as docs/concepts.md defines it, the difference of a change
 * restoring the sums after it, and the window totals built from them.
 */
class ChatContributionTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static Chat chat(ChatStatus status, Integer rating, Long responseTime, Long resolutionTime,
            long messages) {
        return Chat.builder().id(7).sessionId("s".repeat(32)).visitorName("Ada").department("sales").status(status)
                .createdAt(T0).updatedAt(T0).rating(rating).responseTime(responseTime).resolutionTime(resolutionTime)
                .analytics(new ChatAnalytics(messages, messages, 0, 0, 0, null, null, null, null, null)).build();
    }

    @Test
    void aNewOpenChatCountsOnceAndIsActive() {
        assertThat(ChatContribution.of(chat(ChatStatus.WAITING, null, null, null, 1)))
                .isEqualTo(new ChatContribution(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(ChatContribution.of(chat(ChatStatus.ACTIVE, null, 40L, null, 3)))
                .isEqualTo(new ChatContribution(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 40, 0, 0, 3));
    }

    @Test
    void aResolvedRatedChatCountsItsRatingAndTimes() {
        ChatContribution c = ChatContribution.of(chat(ChatStatus.CLOSED, 4, 30L, 600L, 9));
        assertThat(c).isEqualTo(new ChatContribution(1, 0, 1, 1, 4, 0, 0, 0, 1, 0, 1, 30, 1, 600, 9));
        assertThat(c.ratings(4)).isEqualTo(1);
        assertThat(c.ratings(5)).isZero();
    }

    @Test
    void everyStatusIsExactlyOneOfActiveAndResolved() {
        for (ChatStatus status : ChatStatus.values()) {
            ChatContribution c = ChatContribution.of(chat(status, null, null, null, 0));
            assertThat(c.active() + c.resolved()).as(status.name()).isEqualTo(1);
            assertThat(c.active()).as(status.name()).isEqualTo(status.isOpen() ? 1 : 0);
        }
    }

    @Test
    void aRatingOutsideOneToFiveIsRefused() {
        assertThatThrownBy(() -> ChatContribution.of(ChatStatus.RESOLVED, 6, null, null, 0))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(
                        ErrorCode.VALIDATION)).hasMessageContaining("6");
        assertThatThrownBy(() -> ChatContribution.ZERO.ratings(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Chat> chats() {
        Arbitrary<Integer> rating = Arbitraries.integers().between(1, 5).injectNull(0.4);
        Arbitrary<Long> seconds = Arbitraries.longs().between(0, 100_000).injectNull(0.4);
        return Combinators.combine(Arbitraries.of(ChatStatus.class), rating, seconds, seconds,
                Arbitraries.longs().between(0, 500)).as(ChatContributionTest::chat);
    }

    @Provide
    Arbitrary<List<Chat>> windows() {
        return chats().list().ofMaxSize(40);
    }

    @Property
    void theDifferenceOfAChangeTurnsTheSumsBeforeIntoTheSumsAfter(@ForAll("chats") Chat before,
            @ForAll("chats") Chat after, @ForAll("chats") Chat other) {
        ChatContribution was = ChatContribution.of(before).plus(ChatContribution.of(other));
        ChatContribution delta = ChatContribution.of(after).minus(ChatContribution.of(before));
        assertThat(was.plus(delta)).isEqualTo(ChatContribution.of(after).plus(ChatContribution.of(other)));
        assertThat(ChatContribution.of(before).minus(ChatContribution.of(before)).isZero()).isTrue();
        assertThat(delta.isZero()).isEqualTo(ChatContribution.of(after).equals(ChatContribution.of(before)));
        assertThat(delta.negated().plus(delta)).isEqualTo(ChatContribution.ZERO);
    }

    @Property
    void theTotalsOfAWindowAreTheSumsOfItsChatsPerDepartment(@ForAll("windows") List<Chat> chats) {
        Map<String, ChatContribution> byDepartment = new HashMap<>();
        List<String> departments = List.of("sales", "general", "technical");
        List<Chat> placed = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            Chat c = chats.get(i).edit().department(departments.get(i % departments.size())).build();
            placed.add(c);
            byDepartment.merge(c.department(), ChatContribution.of(c), ChatContribution::plus);
        }
        byDepartment.put("empty", ChatContribution.ZERO);

        WindowTotals totals = ChatContribution.totals(byDepartment);

        assertThat(totals.totalChats()).isEqualTo(placed.size());
        assertThat(totals.activeChats()).isEqualTo(placed.stream().filter(c -> c.status().isOpen()).count());
        assertThat(totals.resolvedChats()).isEqualTo(placed.stream().filter(c -> c.status().isResolved()).count());
        assertThat(totals.ratedChats()).isEqualTo(placed.stream().filter(c -> c.rating() != null).count());
        assertThat(totals.ratingSum()).isEqualTo(placed.stream().filter(c -> c.rating() != null)
                .mapToLong(Chat::rating).sum());
        assertThat(totals.respondedChats()).isEqualTo(placed.stream().filter(c -> c.responseTime() != null).count());
        assertThat(totals.responseTimeSum()).isEqualTo(placed.stream().filter(c -> c.responseTime() != null)
                .mapToLong(Chat::responseTime).sum());
        assertThat(totals.timedResolutions())
                .isEqualTo(placed.stream().filter(c -> c.resolutionTime() != null).count());
        assertThat(totals.resolutionTimeSum()).isEqualTo(placed.stream().filter(c -> c.resolutionTime() != null)
                .mapToLong(Chat::resolutionTime).sum());
        assertThat(totals.messageSum()).isEqualTo(placed.stream().mapToLong(c -> c.analytics().totalMessages()).sum());
        Map<Integer, Long> ratings = new HashMap<>();
        Map<String, DepartmentCount> counts = new HashMap<>();
        for (Chat c : placed) {
            if (c.rating() != null) {
                ratings.merge(c.rating(), 1L, Long::sum);
            }
            counts.merge(c.department(), new DepartmentCount(1, c.status().isResolved() ? 1 : 0),
                    (a, b) -> new DepartmentCount(a.count() + b.count(), a.resolved() + b.resolved()));
        }
        assertThat(totals.ratingCounts()).isEqualTo(ratings);
        assertThat(totals.departments()).isEqualTo(counts);
    }
}
