package dev.parley.chat.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class StreamClientTest {

    /** A sender that never gets to write: the client's queue only fills up, like a stalled connection's. */
    private final List<Runnable> stalled = new ArrayList<>();
    private final Executor sender = stalled::add;

    @Test
    void aClientWhoseBufferOverflowsIsDisconnected() {
        AtomicInteger closed = new AtomicInteger();
        StreamClient client = new StreamClient(new SseEmitter(), Audience.admins(), 3, sender,
                c -> closed.incrementAndGet());

        for (int i = 0; i < 3; i++) {
            client.offer(SseFrames.comment("e" + i));
        }
        assertThat(client.isClosed()).isFalse();
        client.offer(SseFrames.comment("one too many"));

        assertThat(client.isClosed()).isTrue();
        assertThat(closed).hasValue(1);
        assertThat(stalled).hasSize(1);
    }

    @Test
    void eventsAlreadyHadAndEventsOfOtherChatsAreNotQueued() {
        StreamClient client = new StreamClient(new SseEmitter(), Audience.visitorOf(7), 2, sender, c -> { });
        client.hadUpTo(5);

        for (long seq = 3; seq <= 5; seq++) {
            client.offer(event(seq, 7));
        }
        client.offer(event(6, 8));
        client.offer(event(7, 7));
        client.offer(event(7, 7));
        client.offer(event(8, 7));
        assertThat(client.isClosed()).isFalse();
        client.offer(event(9, 7));

        assertThat(client.isClosed()).as("only 7, 8 and 9 were queued, one more than it holds").isTrue();
    }

    private static StreamEvent event(long seq, long chatId) {
        return new StreamEvent(seq, chatId, new StreamEvent.Frame("message", "admin"),
                new StreamEvent.Frame("message", "visitor"));
    }

    @Test
    void stoppingTheHubEndsEveryStream() {
        ChatStreamHub hub = new ChatStreamHub(new ParleySseProperties(java.time.Duration.ofMinutes(1),
                java.time.Duration.ofMinutes(30), java.time.Duration.ofSeconds(3), 16, 16, 10, 1,
                java.time.Duration.ofSeconds(10)),
                new StreamEvents(new dev.parley.chat.spring.web.ChatViews(
                        dev.parley.chat.admin.AdminDirectory.of(List.of()))),
                new dev.parley.chat.spring.cluster.EventHistory(new dev.parley.chat.store.memory.InMemoryChatStore().events()));
        hub.start();
        hub.open(Audience.admins(), null);
        hub.open(Audience.visitorOf(7), null);
        assertThat(hub.clientCount(true)).isEqualTo(1);
        assertThat(hub.clientCount(false)).isEqualTo(1);

        hub.stop();

        assertThat(hub.clientCount(true) + hub.clientCount(false)).isZero();
        assertThat(hub.isRunning()).isFalse();
    }
}
