package dev.parley.chat.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.analytics.AnalyticsReport.RatedChat;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

/** Whatever the chats, zone and window, the report's figures agree with each other and with the window. */
class AnalyticsReportPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

    record Spec(int minutesAgo, ChatStatus status, @Nullable Integer rating, String department) {}

    @Provide
    Arbitrary<List<Spec>> chats() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 60 * 24 * 40),
                Arbitraries.of(ChatStatus.class),
                Arbitraries.integers().between(1, 5).injectNull(0.4),
                Arbitraries.of("general", "sales", "technical")).as(Spec::new).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati",
                "Pacific/Pago_Pago").map(ZoneId::of);
    }

    @Property(tries = 150)
    void figuresAgree(@ForAll("chats") List<Spec> specs, @ForAll("zones") ZoneId zone,
            @ForAll @IntRange(min = 1, max = 45) int days) {
        InMemoryChatStore store = new InMemoryChatStore();
        int n = 0;
        for (Spec s : specs) {
            n++;
            store.chats().insert(Chat.builder().sessionId(String.format("%032d", n)).visitorName("V")
                    .department(s.department()).status(s.status()).rating(s.rating())
                    .createdAt(NOW.minusSeconds(60L * s.minutesAgo())).build());
        }
        AnalyticsReport r = new StoreAnalyticsCalculator(store.analytics(), Clock.fixed(NOW, ZoneOffset.UTC))
                .calculate(new AnalyticsQuery(days, zone));

        List<Spec> inWindow = specs.stream().filter(s -> {
            Instant created = NOW.minusSeconds(60L * s.minutesAgo());
            return !created.isBefore(r.from()) && created.isBefore(r.to());
        }).toList();
        AnalyticsReport.Summary sum = r.summary();
        assertThat(sum.totalChats()).isEqualTo(inWindow.size());
        assertThat(sum.activeChats() + sum.resolvedChats()).isEqualTo(sum.totalChats());
        assertThat(r.dailyVolume()).hasSize(days);
        assertThat(r.dailyVolume().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(sum.totalChats());
        assertThat(r.ratingDistribution()).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(r.ratingDistribution().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(inWindow.stream().filter(s -> s.rating() != null).count());
        assertThat(r.departmentStats().values().stream().mapToLong(AnalyticsReport.DepartmentStats::count).sum())
                .isEqualTo(sum.totalChats());
        assertThat(r.departmentStats().values().stream().mapToLong(AnalyticsReport.DepartmentStats::resolved)
                .sum()).isEqualTo(sum.resolvedChats());
        assertThat(sum.resolutionRate()).isBetween(0.0, 100.0);
        if (sum.avgRating() != null) {
            assertThat(sum.avgRating()).isBetween(1.0, 5.0);
        }
        assertThat(r.topRatedChats()).hasSizeLessThanOrEqualTo(StoreAnalyticsCalculator.TOP_RATED);
        assertThat(r.topRatedChats()).extracting(RatedChat::rating)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(r.from()).isEqualTo(NOW.atZone(zone).toLocalDate().minusDays(days - 1L).atStartOfDay(zone)
                .toInstant());
        assertThat(r.dailyVolume().keySet()).first().isEqualTo(r.from().atZone(zone).toLocalDate());
    }
}
