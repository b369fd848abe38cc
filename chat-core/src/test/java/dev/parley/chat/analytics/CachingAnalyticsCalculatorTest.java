package dev.parley.chat.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.MessageType;
import dev.parley.chat.Sender;
import dev.parley.chat.event.ChatEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The report cache: reused within its TTL while nothing changes, recomputed on any chat change or a new day. */
class CachingAnalyticsCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-03-10T22:00:00Z");
    private static final AnalyticsQuery WEEK = new AnalyticsQuery(7, ZoneOffset.UTC);

    private final AtomicInteger computed = new AtomicInteger();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AnalyticsCalculator counting = query -> {
        computed.incrementAndGet();
        return new AnalyticsReport(query.days(), query.zone(), now, now,
                new AnalyticsReport.Summary(computed.get(), 0, 0, 0, null, null, null, 0), Map.of(), Map.of(),
                Map.of(), java.util.List.of());
    };
    private final CachingAnalyticsCalculator cache = new CachingAnalyticsCalculator(counting, clock,
            Duration.ofMinutes(5));

    private static Chat chat() {
        return Chat.builder().sessionId("s".repeat(32)).visitorName("Ada").createdAt(NOW).build();
    }

    @Test
    void aReportIsReusedWithinItsLifetime() {
        AnalyticsReport first = cache.calculate(WEEK);
        now = NOW.plus(Duration.ofMinutes(4)).plusSeconds(59);
        assertThat(cache.calculate(WEEK)).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aReportExpiresAfterItsLifetime() {
        cache.calculate(WEEK);
        now = NOW.plus(Duration.ofMinutes(5));
        cache.calculate(WEEK);
        assertThat(computed).hasValue(2);
    }

    @Test
    void everyChatChangeEmptiesTheCacheButPresenceDoesNot() {
        cache.calculate(WEEK);
        cache.onEvent(new ChatEvent.PresenceChanged(new AdminPresence("a", true, NOW, null, null), false, true));
        cache.calculate(WEEK);
        assertThat(computed).hasValue(1);

        ChatMessage m = new ChatMessage(1, 1, Sender.VISITOR, null, "hi", MessageType.TEXT, null, null, null, NOW,
                null);
        ChatEvent[] changes = {new ChatEvent.ChatStarted(chat(), m), new ChatEvent.MessagePosted(chat(), m),
            new ChatEvent.ChatUpdated(chat(), dev.parley.chat.ChatStatus.WAITING), new ChatEvent.ChatRated(chat()),
            new ChatEvent.DepartmentChanged(null, null)};
        for (ChatEvent change : changes) {
            int before = computed.get();
            cache.onEvent(change);
            cache.calculate(WEEK);
            assertThat(computed).as("after %s", change.getClass().getSimpleName()).hasValue(before + 1);
        }
    }

    @Test
    void aNewDayIsANewReport() {
        cache.calculate(WEEK);
        now = NOW.plus(Duration.ofHours(2));
        cache.calculate(WEEK);
        assertThat(computed).hasValue(2);
    }

    @Test
    void eachWindowAndZoneHasItsOwnEntry() {
        cache.calculate(WEEK);
        cache.calculate(new AnalyticsQuery(30, ZoneOffset.UTC));
        cache.calculate(new AnalyticsQuery(7, ZoneId.of("Europe/Berlin")));
        cache.calculate(WEEK);
        assertThat(computed).hasValue(3);
    }
}
