package dev.parley.chat.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
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
                    out.add(Long.parseLong(line.substring(line.lastIndexOf('-') + 1)));
                }
            }
            return out;
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

    private final ChatStreamHub hub = new ChatStreamHub(new ParleySseProperties(Duration.ofMinutes(1),
            Duration.ofMinutes(30), Duration.ofSeconds(3), EVENTS + 10, EVENTS + 10, 200, 2),
            new StreamEvents(new ChatViews(AdminDirectory.of(List.of()))));

    @AfterEach
    void stop() {
        hub.stop();
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
        Recorded first = new Recorded();
        hub.open(Audience.admins(), null, first);
        Map<Recorded, Long> fresh = new LinkedHashMap<>();
        Map<Recorded, Long> resumed = new LinkedHashMap<>();
        for (int chunk = 0; chunk < EVENTS / 100; chunk++) {
            for (int i = 0; i < 100; i++) {
                hub.onEvent(presence(chunk * 100 + i));
            }
            // 100 events are numbered and not yet dispatched while these streams open
            long numbered = (chunk + 1) * 100L;
            Recorded f = new Recorded();
            hub.open(Audience.admins(), null, f);
            fresh.put(f, numbered);
            if (chunk > 0) {
                String epoch = first.lastId().substring(0, first.lastId().lastIndexOf('-'));
                for (long after : new long[] {numbered - 150, numbered - 100, numbered - 1}) {
                    Recorded r = new Recorded();
                    hub.open(Audience.admins(), epoch + "-" + after, r);
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
    void publishingNeedsNoStreamAndNoRunningHub() {
        Recorded late = new Recorded();

        for (int i = 0; i < 5; i++) {
            hub.onEvent(presence(i));
        }
        hub.start();
        hub.open(Audience.admins(), null, late);
        hub.onEvent(presence(5));

        await().atMost(Duration.ofSeconds(10)).until(() -> !late.seqs().isEmpty());
        assertThat(late.seqs()).containsExactly(6L);
    }
}
