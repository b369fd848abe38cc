package dev.parley.chat.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.spring.cluster.EventHistory;
import dev.parley.chat.spring.cluster.EventLogFeed;
import dev.parley.chat.store.memory.InMemoryChatStore;
import dev.parley.chat.spring.web.ChatViews;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class ChatStreamHubTest {

    private static final int EVENTS = 3000;

    /** An emitter that keeps the bytes written to it, as the client's response would receive them. */
    private static final class Recorded extends SseEmitter {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void send(Set<DataWithMediaType> items) {
            synchronized (text) {
                for (DataWithMediaType item : items) {
                    text.append(new String((byte[]) item.getData(), StandardCharsets.UTF_8));
                }
            }
        }

        /** The sequence numbers of the events received, in order. */
        List<Long> seqs() {
            String all;
            synchronized (text) {
                all = text.toString();
            }
            List<Long> out = new ArrayList<>();
            for (String line : all.split("\n")) {
                if (line.startsWith("id:")) {
                    out.add(Long.parseLong(line.substring(3)));
                }
            }
            return out;
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        String lastId() {
            String all;
            synchronized (text) {
                all = text.toString();
            }
            int at = all.lastIndexOf("id:");
            return at < 0 ? "" : all.substring(at + 3, all.indexOf('\n', at));
        }
    }

    private final InMemoryChatStore store = new InMemoryChatStore();
    private final EventCodec codec = new EventCodec();
    private final ChatStreamHub hub = hub(EVENTS + 10);
    private final EventLogFeed feed = feedOf(hub);

    private ChatStreamHub hub(int replayBufferSize) {
        return new ChatStreamHub(new ParleySseProperties(Duration.ofMinutes(1), Duration.ofMinutes(30),
                Duration.ofSeconds(3), EVENTS + 10, replayBufferSize, 200, 2, Duration.ofSeconds(10)),
                new StreamEvents(new ChatViews(AdminDirectory.of(List.of()))),
                new EventHistory(store.events()));
    }

    private EventLogFeed feedOf(ChatStreamHub h) {
        EventLogFeed f = new EventLogFeed(store.events(), Duration.ofMinutes(1), 100);
        f.subscribe(h);
        return f;
    }

    @AfterEach
    void stop() {
        hub.stop();
    }

    /** Writes presence events {@code from} to {@code to} to the log (in memory their ids are 1, 2, 3, …). */
    private void log(int from, int to) {
        for (int n = from; n <= to; n++) {
            store.events().append(List.of(codec.draft(presence(n), Instant.EPOCH)));
        }
    }

    private static ChatEvent presence(int n) {
        return new ChatEvent.PresenceChanged(new AdminPresence("admin-" + n, true, Instant.EPOCH, null, null), false,
                true);
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    @Test
    void streamsOpenedOrResumedBeforeTheDispatcherCaughtUpGetEachLaterEventOnceAndInOrder() {
        hub.start(false);
        feed.poll();
        Recorded first = new Recorded();
        hub.open(Audience.admins(), null, first);
        Map<Recorded, Long> fresh = new LinkedHashMap<>();
        Map<Recorded, Long> resumed = new LinkedHashMap<>();
        for (int chunk = 0; chunk < EVENTS / 100; chunk++) {
            log(chunk * 100 + 1, chunk * 100 + 100);
            feed.poll();
            // 100 events are delivered to the hub and not yet dispatched while these streams open
            long numbered = (chunk + 1) * 100L;
            Recorded f = new Recorded();
            hub.open(Audience.admins(), null, f);
            fresh.put(f, numbered);
            if (chunk > 0) {
                for (long after : new long[] {numbered - 150, numbered - 100, numbered - 1}) {
                    Recorded r = new Recorded();
                    hub.open(Audience.admins(), Long.toString(after), r);
                    resumed.put(r, after);
                }
            }
            hub.dispatchPending();
            await().atMost(Duration.ofSeconds(30)).until(() -> first.seqs().size() == numbered);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> fresh.keySet().stream()
                .allMatch(f -> f.seqs().size() >= EVENTS - fresh.get(f))
                && resumed.keySet().stream().allMatch(r -> r.seqs().size() >= EVENTS - resumed.get(r)));

        assertThat(first.seqs()).isEqualTo(range(1, EVENTS));
        fresh.forEach((f, numbered) -> assertThat(f.seqs()).as("opened after %d events", numbered)
                .isEqualTo(range(numbered + 1, EVENTS)));
        resumed.forEach((r, after) -> assertThat(r.seqs()).as("resumed after event %d", after)
                .isEqualTo(range(after + 1, EVENTS)));
    }

    @Test
    void eventsBeforeTheStreamOpenedAreNotSentToIt() {
        log(1, 5);
        feed.poll();
        hub.start();
        Recorded late = new Recorded();
        hub.open(Audience.admins(), null, late);
        log(6, 6);
        feed.poll();

        await().atMost(Duration.ofSeconds(10)).until(() -> !late.seqs().isEmpty());
        assertThat(late.seqs()).containsExactly(6L);
    }

    @Test
    void aClientResumesFromTheLogWhenTheBufferNoLongerHoldsItsEventsAndOnANodeStartedLater() {
        ChatStreamHub small = hub(5);
        try {
            EventLogFeed smallFeed = feedOf(small);
            log(1, 20);
            smallFeed.poll();
            small.start();
            log(21, 50);
            smallFeed.poll();
            Recorded resumed = new Recorded();
            small.open(Audience.admins(), "10", resumed);
            log(51, 55);
            smallFeed.poll();

            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.seqs().size() >= 45);
            assertThat(resumed.seqs()).isEqualTo(range(11, 55));
        } finally {
            small.stop();
        }
    }

    @Test
    void aClientOlderThanTheLogOrWithAnUnknownIdIsToldToResync() {
        log(1, 3);
        store.events().trim(Instant.EPOCH.plusSeconds(1));
        feed.poll();
        hub.start();
        for (String lastId : new String[] {"1", "999", "abc-1", "-5"}) {
            Recorded r = new Recorded();
            hub.open(Audience.admins(), lastId, r);

            await().atMost(Duration.ofSeconds(10)).until(() -> r.text().contains("event:resync"));
            assertThat(r.lastId()).as(lastId).isEqualTo("3");
        }
        Recorded current = new Recorded();
        hub.open(Audience.admins(), "3", current);
        log(4, 4);
        feed.poll();
        await().atMost(Duration.ofSeconds(10)).until(() -> !current.seqs().isEmpty());
        assertThat(current.seqs()).containsExactly(4L);
        assertThat(current.text()).doesNotContain("resync");
    }
}
