package dev.parley.chat.spring.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.EventRecords;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventLogFeedTest {

    private final InMemoryChatStore store = new InMemoryChatStore();
    private final EventCodec codec = new EventCodec();
    private final List<Long> starts = new CopyOnWriteArrayList<>();
    private final List<EventLogFeed.Entry> received = new CopyOnWriteArrayList<>();
    private final EventLogFeed feed = new EventLogFeed(store.events(), Duration.ofMinutes(10), 3);

    EventLogFeedTest() {
        feed.subscribe(new EventLogFeed.Subscriber() {
            @Override
            public void started(long position) {
                starts.add(position);
            }

            @Override
            public void deliver(List<EventLogFeed.Entry> events) {
                received.addAll(events);
            }
        });
    }

    private static ChatEvent presence(String admin) {
        return new ChatEvent.PresenceChanged(new AdminPresence(admin, true, Instant.EPOCH, null, null), false, true);
    }

    private void write(Instant at, String... admins) {
        List<EventRecords.Draft> drafts = new ArrayList<>();
        for (String a : admins) {
            drafts.add(codec.draft(presence(a), at));
        }
        store.events().append(drafts);
    }

    private List<String> admins() {
        return received.stream().map(e -> ((ChatEvent.PresenceChanged) e.event()).presence().userId()).toList();
    }

    @Test
    void theFeedStartsAtTheHeadAndDeliversWhatFollowsInOrderInBoundedBatches() {
        write(Instant.EPOCH, "before");
        assertThat(feed.poll()).isZero();
        write(Instant.EPOCH, "a", "b", "c", "d");
        write(Instant.EPOCH, "e");

        assertThat(feed.poll()).isEqualTo(5);

        assertThat(starts).containsExactly(1L);
        assertThat(admins()).containsExactly("a", "b", "c", "d", "e");
        assertThat(received).extracting(EventLogFeed.Entry::id).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(feed.position()).isEqualTo(6);
        assertThat(feed.poll()).isZero();
    }

    @Test
    void anEventThisVersionCannotReadIsSkippedAndTheOthersStillArrive() {
        feed.poll();
        store.events().append(List.of(new EventRecords.Draft(0, Instant.EPOCH, "{\"type\":\"FromTheFuture\"}")));
        write(Instant.EPOCH, "a");

        feed.poll();

        assertThat(admins()).containsExactly("a");
        assertThat(feed.position()).isEqualTo(2);
    }

    @Test
    void aChangeCommittedOnThisNodeWakesTheRunningFeed() {
        feed.start();
        try {
            write(Instant.EPOCH, "local");
            feed.onEvent(presence("local"));

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(admins()).containsExactly("local");
        } finally {
            feed.stop();
        }
        assertThat(feed.isRunning()).isFalse();
    }

    @Test
    void retentionDeletesTheEventsOlderThanItButNeverTheNewest() {
        Instant now = Instant.parse("2026-03-10T10:00:00Z");
        write(now.minus(Duration.ofHours(30)), "old1", "old2");
        write(now.minus(Duration.ofHours(2)), "recent");
        EventLogRetention retention = new EventLogRetention(store.events(), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofHours(24), Duration.ofMinutes(5));

        assertThat(retention.trimNow()).isEqualTo(2);
        assertThat(store.events().oldest()).isEqualTo(3);
        assertThat(new EventLogRetention(store.events(), Clock.fixed(now.plus(Duration.ofDays(9)), ZoneOffset.UTC),
                Duration.ofHours(24), Duration.ofMinutes(5)).trimNow()).isZero();
        assertThat(store.events().head()).isEqualTo(3);
    }
}
