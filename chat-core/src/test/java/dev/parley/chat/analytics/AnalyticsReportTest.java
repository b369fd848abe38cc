package dev.parley.chat.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.analytics.AnalyticsReport.DepartmentStats;
import dev.parley.chat.analytics.AnalyticsReport.RatedChat;
import dev.parley.chat.analytics.AnalyticsReport.Summary;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analytics report against expectations computed by hand on small fixed datasets with a fixed clock. */
class AnalyticsReportTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final InMemoryChatStore store = new InMemoryChatStore();
    private int next;

    private Chat chat(String createdAt, String department, ChatStatus status, @Nullable Integer rating,
            @Nullable Long responseTime, @Nullable Long resolutionTime, long messages) {
        next++;
        return store.chats().insert(Chat.builder()
                .sessionId(String.format("%032d", next)).visitorName("Visitor " + next).department(department)
                .status(status).createdAt(Instant.parse(createdAt)).rating(rating)
                .responseTime(responseTime).resolutionTime(resolutionTime)
                .analytics(new ChatAnalytics(messages, messages, 0, 0, 0, null, null, null, null, null))
                .build());
    }

    private AnalyticsReport report(Instant now, int days, ZoneId zone) {
        return new StoreAnalyticsCalculator(store.analytics(), Clock.fixed(now, UTC))
                .calculate(new AnalyticsQuery(days, zone));
    }

    private static Map.Entry<LocalDate, Long> day(String date, long count) {
        return entry(LocalDate.parse(date), count);
    }

    private Chat c1;
    private Chat c2;
    private Chat c4;
    private Chat c6;

    /** Six chats around one week; c1 and c4 sit at 23:30 UTC, which is the next day in Berlin. */
    private void week() {
        c1 = chat("2026-03-03T23:30:00Z", "general", ChatStatus.RESOLVED, 5, 60L, 600L, 4);
        c2 = chat("2026-03-04T10:00:00Z", "sales", ChatStatus.CLOSED, 4, 30L, 300L, 6);
        chat("2026-03-07T12:00:00Z", "sales", ChatStatus.ACTIVE, null, 45L, null, 3);
        c4 = chat("2026-03-09T23:30:00Z", "technical", ChatStatus.RESOLVED, 4, null, 1_000L, 1);
        chat("2026-03-10T08:00:00Z", "general", ChatStatus.WAITING, null, null, null, 1);
        c6 = chat("2026-03-10T09:59:59Z", "general", ChatStatus.RESOLVED, 2, 10L, 20L, 2);
    }

    @Test
    void aWeekInUtc() {
        week();
        AnalyticsReport r = report(NOW, 7, UTC);

        assertThat(r.days()).isEqualTo(7);
        assertThat(r.zone()).isEqualTo(UTC);
        assertThat(r.from()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        // c2..c6: 5 chats; c3, c5 open; c2, c4, c6 resolved; ratings 4, 4, 2; responses 30, 45, 10;
        // resolutions 300, 1000, 20; messages 6 + 3 + 1 + 1 + 2 = 13
        assertThat(r.summary()).isEqualTo(new Summary(5, 2, 3, 60.0, 3.33, 28.3, 440.0, 2.6));
        assertThat(r.departmentStats()).containsExactly(
                entry("general", new DepartmentStats(2, 1)),
                entry("sales", new DepartmentStats(2, 1)),
                entry("technical", new DepartmentStats(1, 1)));
        assertThat(r.dailyVolume()).containsExactly(day("2026-03-04", 1), day("2026-03-05", 0),
                day("2026-03-06", 0), day("2026-03-07", 1), day("2026-03-08", 0), day("2026-03-09", 1),
                day("2026-03-10", 2));
        assertThat(r.ratingDistribution()).containsExactly(entry(1, 0L), entry(2, 1L), entry(3, 0L), entry(4, 2L),
                entry(5, 0L));
        assertThat(r.topRatedChats()).extracting(RatedChat::chatId).containsExactly(c4.id(), c2.id(), c6.id());
        assertThat(r.topRatedChats().get(0)).isEqualTo(new RatedChat(c4.id(), "Visitor 4", "technical", 4, null,
                Instant.parse("2026-03-09T23:30:00Z")));
    }

    @Test
    void theSameWeekInBerlinCountsLateUtcEveningsOnTheNextDay() {
        week();
        AnalyticsReport r = report(NOW, 7, BERLIN);

        assertThat(r.from()).isEqualTo(Instant.parse("2026-03-03T23:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-03-10T23:00:00Z"));
        // now c1 too: 6 chats, 4 resolved; ratings 5 4 4 2 = 3.75; responses 60 30 45 10 = 36.25 -> 36.3;
        // resolutions 600 300 1000 20 = 480; messages 17 / 6 = 2.83 -> 2.8
        assertThat(r.summary()).isEqualTo(new Summary(6, 2, 4, 66.7, 3.75, 36.3, 480.0, 2.8));
        assertThat(r.departmentStats()).containsEntry("general", new DepartmentStats(3, 2));
        assertThat(r.dailyVolume()).containsExactly(day("2026-03-04", 2), day("2026-03-05", 0),
                day("2026-03-06", 0), day("2026-03-07", 1), day("2026-03-08", 0), day("2026-03-09", 0),
                day("2026-03-10", 3));
        assertThat(r.ratingDistribution()).containsExactly(entry(1, 0L), entry(2, 1L), entry(3, 0L), entry(4, 2L),
                entry(5, 1L));
        assertThat(r.topRatedChats()).extracting(RatedChat::chatId)
                .containsExactly(c1.id(), c4.id(), c2.id(), c6.id());
    }

    @Test
    void westOfUtcTheDayStartsLaterAcrossTheDaylightSavingSwitch() {
        week();
        AnalyticsReport r = report(NOW, 7, NEW_YORK);

        // 2026-03-04 00:00 EST (UTC-5) to 2026-03-11 00:00 EDT (UTC-4): the window holds the 23-hour 8 March
        assertThat(r.from()).isEqualTo(Instant.parse("2026-03-04T05:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-03-11T04:00:00Z"));
        assertThat(r.summary().totalChats()).isEqualTo(5);
        assertThat(r.dailyVolume()).containsExactly(day("2026-03-04", 1), day("2026-03-05", 0),
                day("2026-03-06", 0), day("2026-03-07", 1), day("2026-03-08", 0), day("2026-03-09", 1),
                day("2026-03-10", 2));
    }

    @Test
    void berlinsShortDayHasItsOwnMidnights() {
        chat("2026-03-27T22:59:59Z", "general", ChatStatus.ACTIVE, null, null, null, 1); // 27th 23:59:59 CET: out
        chat("2026-03-27T23:00:00Z", "general", ChatStatus.ACTIVE, null, null, null, 1); // 28th 00:00 CET
        chat("2026-03-29T21:59:59Z", "general", ChatStatus.ACTIVE, null, null, null, 1); // 29th 23:59:59 CEST
        chat("2026-03-29T22:00:00Z", "general", ChatStatus.ACTIVE, null, null, null, 1); // 30th 00:00 CEST

        AnalyticsReport r = report(Instant.parse("2026-03-30T10:00:00Z"), 3, BERLIN);

        assertThat(r.from()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
        assertThat(r.dailyVolume()).containsExactly(day("2026-03-28", 1), day("2026-03-29", 1),
                day("2026-03-30", 1));
        assertThat(r.summary().totalChats()).isEqualTo(3);
    }

    @Test
    void anEmptyWindowHasEveryDayAndEveryRatingAtZero() {
        week();
        AnalyticsReport r = report(Instant.parse("2027-01-15T12:00:00Z"), 7, UTC);

        assertThat(r.summary()).isEqualTo(new Summary(0, 0, 0, 0.0, null, null, null, 0.0));
        assertThat(r.dailyVolume()).hasSize(7).containsKeys(LocalDate.parse("2027-01-09"),
                LocalDate.parse("2027-01-15")).allSatisfy((d, n) -> assertThat(n).isZero());
        assertThat(r.ratingDistribution()).containsExactly(entry(1, 0L), entry(2, 0L), entry(3, 0L), entry(4, 0L),
                entry(5, 0L));
        assertThat(r.departmentStats()).isEmpty();
        assertThat(r.topRatedChats()).isEmpty();
    }

    @Test
    void withoutRatingsYetEveryKeyIsPresentAndTheAverageIsNull() {
        chat("2026-03-10T08:00:00Z", "general", ChatStatus.RESOLVED, null, 20L, 100L, 2);
        chat("2026-03-10T09:00:00Z", "general", ChatStatus.WAITING, null, null, null, 1);

        AnalyticsReport r = report(NOW, 7, UTC);

        assertThat(r.summary()).isEqualTo(new Summary(2, 1, 1, 50.0, null, 20.0, 100.0, 1.5));
        assertThat(r.ratingDistribution()).containsOnlyKeys(1, 2, 3, 4, 5).allSatisfy((k, n) -> assertThat(n)
                .isZero());
        assertThat(r.topRatedChats()).isEmpty();
    }

    @Test
    void withoutResponsesOrResolutionsThoseAveragesAreNull() {
        chat("2026-03-10T08:00:00Z", "general", ChatStatus.WAITING, null, null, null, 1);
        assertThat(report(NOW, 1, UTC).summary()).isEqualTo(new Summary(1, 1, 0, 0.0, null, null, null, 1.0));
    }

    @ParameterizedTest(name = "{0} of {1} resolved -> {2} %")
    @CsvSource({"1, 3, 33.3", "2, 3, 66.7", "1, 6, 16.7", "1, 8, 12.5", "1, 16, 6.3", "3, 3, 100.0", "0, 4, 0.0"})
    void theResolutionRateHasOneDecimalRoundedHalfUp(int resolved, int total, double expected) {
        for (int i = 0; i < total; i++) {
            chat("2026-03-10T08:00:00Z", "general", i < resolved ? ChatStatus.RESOLVED : ChatStatus.ACTIVE, null,
                    null, null, 1);
        }
        assertThat(report(NOW, 1, UTC).summary().resolutionRate()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ratings {0} -> {1}")
    @CsvSource({"'5 4 4', 4.33", "'5 5 4', 4.67", "'1 2', 1.5", "'2 2 2 3 2 2 2 2', 2.13", "'5', 5.0"})
    void theAverageRatingHasTwoDecimalsRoundedHalfUp(String ratings, double expected) {
        for (String r : ratings.split(" ")) {
            chat("2026-03-10T08:00:00Z", "general", ChatStatus.RESOLVED, Integer.valueOf(r), null, null, 1);
        }
        assertThat(report(NOW, 1, UTC).summary().avgRating()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seconds {0} -> {1}")
    @CsvSource({"'1 2', 1.5", "'1 1 2', 1.3", "'0 0 1 0', 0.3", "'10 20 30', 20.0", "'7 8', 7.5"})
    void averageTimesAndMessagesHaveOneDecimalRoundedHalfUp(String values, double expected) {
        for (String v : values.split(" ")) {
            long n = Long.parseLong(v);
            chat("2026-03-10T08:00:00Z", "general", ChatStatus.RESOLVED, null, n, n, n);
        }
        var s = report(NOW, 1, UTC).summary();
        assertThat(s.avgResponseTime()).isEqualTo(expected);
        assertThat(s.avgResolutionTime()).isEqualTo(expected);
        assertThat(s.avgMessagesPerChat()).isEqualTo(expected);
    }

    @Test
    void topRatedListsTheTenBestNewestFirstAmongEquals() {
        for (int i = 0; i < 12; i++) {
            chat("2026-03-10T0" + (i % 10) + ":00:00Z", "general", ChatStatus.RESOLVED, i < 6 ? 5 : 3, null, null,
                    1);
        }
        List<RatedChat> top = report(NOW, 1, UTC).topRatedChats();

        assertThat(top).hasSize(StoreAnalyticsCalculator.TOP_RATED);
        assertThat(top).extracting(RatedChat::rating).containsExactly(5, 5, 5, 5, 5, 5, 3, 3, 3, 3);
        assertThat(top.subList(0, 6)).extracting(RatedChat::createdAt).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        // chats 11 and 12 (created at 00:00 and 01:00, rated 3) are the oldest threes: they are left out
        assertThat(top).extracting(RatedChat::chatId).doesNotContain(11L, 12L).contains(7L, 10L);
    }

    @Test
    void activeAndResolvedAddUpToTotalAndTheDaysToo() {
        week();
        for (ZoneId zone : List.of(UTC, BERLIN, NEW_YORK, ZoneId.of("Pacific/Kiritimati"))) {
            for (int days : new int[] {1, 2, 7, 30, 365}) {
                Summary s = report(NOW, days, zone).summary();
                assertThat(s.activeChats() + s.resolvedChats()).isEqualTo(s.totalChats());
                assertThat(report(NOW, days, zone).dailyVolume()).hasSize(days);
                assertThat(report(NOW, days, zone).dailyVolume().values().stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(s.totalChats());
            }
        }
    }
}
