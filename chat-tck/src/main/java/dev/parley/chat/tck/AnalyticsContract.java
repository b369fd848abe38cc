package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.analytics.AnalyticsReport.DepartmentStats;
import dev.parley.chat.analytics.AnalyticsReport.Summary;
import dev.parley.chat.analytics.AnalyticsReport;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.WindowTotals.DepartmentCount;
import dev.parley.chat.store.WindowTotals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The analytics queries of the store SPI on a hand-made dataset, and the report end to end, including that a
 * cached report follows every change.
 */
public abstract class AnalyticsContract extends ContractSuite {

    private static final Instant FROM = Instant.parse("2026-03-04T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-11T00:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Binds the suite to the adapter's test. */
    protected AnalyticsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private AnalyticsQueries queries() {
        return store().analytics();
    }

    private int next;

    private Chat chat(String createdAt, String department, ChatStatus status, @Nullable Integer rating,
            @Nullable Long responseTime, @Nullable Long resolutionTime, long messages) {
        next++;
        return store().chats().insert(Chat.builder()
                .sessionId(String.format("%032d", next)).visitorName("Visitor " + next)
                .department(department).status(status).createdAt(Instant.parse(createdAt))
                .rating(rating).ratingComment(rating == null ? null : "comment " + next)
                .responseTime(responseTime).resolutionTime(resolutionTime)
                .analytics(new ChatAnalytics(messages, messages, 0, 0, 0, null, null, null, null, null))
                .build());
    }

    private Chat c4;
    private Chat c3;
    private Chat c6;
    private Chat c8;

    private void dataset() {
        chat("2026-03-03T23:59:59Z", "general", ChatStatus.RESOLVED, 1, 5L, 10L, 9);     // before the window
        chat("2026-03-04T00:00:00Z", "general", ChatStatus.ACTIVE, null, null, null, 3); // first instant: in
        c3 = chat("2026-03-05T12:00:00Z", "sales", ChatStatus.RESOLVED, 5, 30L, 600L, 4);
        c4 = chat("2026-03-09T23:30:00Z", "sales", ChatStatus.CLOSED, 5, 90L, 1_200L, 6);
        chat("2026-03-10T09:00:00Z", "general", ChatStatus.WAITING, null, null, null, 1);
        c6 = chat("2026-03-10T09:30:00Z", "technical", ChatStatus.RESOLVED, 3, null, 100L, 2);
        chat("2026-03-11T00:00:00Z", "general", ChatStatus.ACTIVE, 2, 1L, null, 7);      // the end: out
        c8 = chat("2026-03-09T23:30:00Z", "sales", ChatStatus.RESOLVED, 5, null, null, 0);
    }

    @Test
    void totalsSumTheChatsCreatedInTheWindow() {
        dataset();
        WindowTotals t = queries().totals(FROM, TO);

        assertThat(t).isEqualTo(new WindowTotals(6, 2, 4, 4, 18, 2, 120, 3, 1_900, 16,
                Map.of(5, 3L, 3, 1L),
                Map.of("general", new DepartmentCount(2, 0), "sales", new DepartmentCount(3, 3),
                        "technical", new DepartmentCount(1, 1))));
    }

    @Test
    void totalsOfAnEmptyWindowAreZero() {
        dataset();
        WindowTotals t = queries().totals(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-08T00:00:00Z"));
        assertThat(t).isEqualTo(new WindowTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of()));
    }

    @Test
    void dailyVolumeCountsByLocalDateOfTheZone() {
        dataset();
        assertThat(queries().dailyVolume(FROM, TO, UTC)).isEqualTo(Map.of(
                LocalDate.parse("2026-03-04"), 1L, LocalDate.parse("2026-03-05"), 1L,
                LocalDate.parse("2026-03-09"), 2L, LocalDate.parse("2026-03-10"), 2L));
        assertThat(queries().dailyVolume(FROM, TO, BERLIN)).as("23:30 UTC is the next day in Berlin")
                .isEqualTo(Map.of(
                        LocalDate.parse("2026-03-04"), 1L, LocalDate.parse("2026-03-05"), 1L,
                        LocalDate.parse("2026-03-10"), 4L));
    }

    @Test
    void topRatedIsBestFirstThenNewestThenHighestId() {
        dataset();
        assertThat(queries().topRated(FROM, TO, 10)).extracting(Chat::id)
                .containsExactly(c8.id(), c4.id(), c3.id(), c6.id());
        assertThat(queries().topRated(FROM, TO, 2)).extracting(Chat::id).containsExactly(c8.id(), c4.id());
        assertThat(queries().topRated(FROM, TO, 10).get(1)).isEqualTo(c4);
    }

    // ---- the report, end to end ------------------------------------------------------------------------------

    private AnalyticsReport report(int days) {
        return parley().analytics().calculate(new AnalyticsQuery(days, UTC));
    }

    private PostedMessage resolvedChat(String startedAt, long replyAfter, long resolveAfter, ChatStatus end,
            int rating) {
        clock.set(Instant.parse(startedAt));
        PostedMessage posted = start("Visitor", "Hi");
        clock.advance(Duration.ofSeconds(replyAfter));
        reply(posted.chat().id(), "alice", "Hello");
        clock.set(Instant.parse(startedAt).plusSeconds(resolveAfter));
        status(posted.chat().id(), end);
        parley().chats().rateChat(posted.sessionId(), rating, null);
        return posted;
    }

    private void scenario() {
        resolvedChat("2026-03-01T12:00:00Z", 10, 20, ChatStatus.RESOLVED, 1);            // outside 7 days
        resolvedChat("2026-03-08T12:00:00Z", 60, 300, ChatStatus.RESOLVED, 4);
        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        start("Waiting", "Anyone?");
        resolvedChat("2026-03-10T09:30:00Z", 20, 100, ChatStatus.CLOSED, 5);
        clock.set(T0);
    }

    @Test
    void theReportFollowsTheSpecDefinitions() {
        scenario();
        AnalyticsReport r = report(7);

        assertThat(r.from()).isEqualTo(FROM);
        assertThat(r.to()).isEqualTo(TO);
        assertThat(r.summary()).isEqualTo(new Summary(3, 1, 2, 66.7, 4.5, 40.0, 200.0, 1.7));
        assertThat(r.departmentStats()).isEqualTo(Map.of("general", new DepartmentStats(3, 2)));
        assertThat(r.dailyVolume()).containsExactly(
                Map.entry(LocalDate.parse("2026-03-04"), 0L), Map.entry(LocalDate.parse("2026-03-05"), 0L),
                Map.entry(LocalDate.parse("2026-03-06"), 0L), Map.entry(LocalDate.parse("2026-03-07"), 0L),
                Map.entry(LocalDate.parse("2026-03-08"), 1L), Map.entry(LocalDate.parse("2026-03-09"), 0L),
                Map.entry(LocalDate.parse("2026-03-10"), 2L));
        assertThat(r.ratingDistribution()).containsExactly(Map.entry(1, 0L), Map.entry(2, 0L), Map.entry(3, 0L),
                Map.entry(4, 1L), Map.entry(5, 1L));
        assertThat(r.topRatedChats()).extracting(AnalyticsReport.RatedChat::rating).containsExactly(5, 4);
    }

    @Test
    void theWindowIsTheLastDaysIncludingToday() {
        scenario();
        assertThat(report(1).summary().totalChats()).isEqualTo(2);
        assertThat(report(1).dailyVolume()).containsOnlyKeys(LocalDate.parse("2026-03-10"));
        assertThat(report(10).summary().totalChats()).isEqualTo(4);
        assertThat(report(365).dailyVolume()).hasSize(365);
        assertFails(ErrorCode.VALIDATION, () -> new AnalyticsQuery(0, UTC), "days", "365");
        assertFails(ErrorCode.VALIDATION, () -> new AnalyticsQuery(366, UTC), "days", "365");
    }

    @Test
    void anEmptyStoreGivesAZeroReportWithEveryDayAndEveryRating() {
        AnalyticsReport r = report(7);
        assertThat(r.summary()).isEqualTo(new Summary(0, 0, 0, 0.0, null, null, null, 0.0));
        assertThat(r.dailyVolume()).hasSize(7).allSatisfy((d, n) -> assertThat(n).isZero());
        assertThat(r.ratingDistribution()).containsOnlyKeys(1, 2, 3, 4, 5).allSatisfy((k, n) -> assertThat(n).isZero());
        assertThat(r.departmentStats()).isEmpty();
        assertThat(r.topRatedChats()).isEmpty();
    }

    @Test
    void aCachedReportFollowsEveryChange() {
        PostedMessage a = start("Ada", "Hi");
        assertThat(report(7).summary().totalChats()).isEqualTo(1);

        start("Bo", "Hi");
        assertThat(report(7).summary().totalChats()).isEqualTo(2);

        status(a.chat().id(), ChatStatus.RESOLVED);
        assertThat(report(7).summary().resolvedChats()).isEqualTo(1);

        parley().chats().rateChat(a.sessionId(), 5, null);
        assertThat(report(7).summary().avgRating()).isEqualTo(5.0);
        assertThat(report(7).ratingDistribution()).containsEntry(5, 1L);
    }

    @Test
    void aCachedReportFollowsADepartmentRename() {
        start("Ada", "sales", "Hi");
        assertThat(report(7).departmentStats()).containsOnlyKeys("sales");

        var sales = parley().departments().get("sales");
        parley().departments().update(sales.id(), new DepartmentDraft(null, "sales-team", null, null, null, null));

        assertThat(report(7).departmentStats()).containsOnlyKeys("sales-team");
    }

    @Test
    void aCachedReportMovesWithTheDay() {
        start("Ada", "Hi");
        assertThat(report(1).summary().totalChats()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(report(1).summary().totalChats()).isZero();
    }
}
