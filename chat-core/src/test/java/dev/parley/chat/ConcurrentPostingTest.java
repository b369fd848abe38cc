package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sixteen threads post a thousand messages each to one chat: nothing is lost, every figure is exact. */
class ConcurrentPostingTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 1_000;
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    /** Every reading moves time on by 1 ms, so messages get distinct times and response times vary. */
    private static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong();

        @Override
        public Instant instant() {
            return T0.plusMillis(millis.getAndIncrement());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void sixteenThreadsLoseNoMessageAndKeepCountsAndAnalyticsExact() throws Exception {
        InMemoryChatStore store = new InMemoryChatStore();
        try (Parley parley = Parley.builder().store(store).clock(new TickingClock())
                .admins(AdminDirectory.of(List.of(new Admin("alice", "Alice", "alice@example.com", "agent",
                        Set.of()))))
                .build()) {
            postConcurrently(store, parley);
        }
    }

    private static void postConcurrently(InMemoryChatStore store, Parley parley) throws Exception {
        parley.presence().heartbeat("alice", Heartbeat.onlineForAll());
        PostedMessage first = parley.chats().startChat(new StartChat("Ada", null, null, null, "Hi"));
        long chatId = first.chat().id();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            boolean admin = t % 2 == 0;
            int thread = t;
            running.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < PER_THREAD; i++) {
                    if (admin) {
                        parley.chats().postAdminMessage(AdminMessage.text(chatId, "alice", thread + ":" + i));
                    } else {
                        parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), thread + ":" + i));
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        long expected = 1 + (long) THREADS * PER_THREAD;
        List<ChatMessage> stored = store.messages().list(chatId, null, null, Integer.MAX_VALUE);
        assertThat(stored).hasSize((int) expected);
        assertThat(store.messages().count(chatId)).isEqualTo(expected);
        assertThat(stored).extracting(ChatMessage::id).doesNotHaveDuplicates().isSorted();
        assertThat(stored).extracting(ChatMessage::message).doesNotHaveDuplicates();

        Chat chat = parley.chats().getChat(chatId);
        ChatAnalytics a = chat.analytics();
        assertThat(a.totalMessages()).isEqualTo(expected);
        assertThat(a.visitorMessages()).isEqualTo(1 + THREADS / 2 * PER_THREAD);
        assertThat(a.adminMessages()).isEqualTo(THREADS / 2 * PER_THREAD);
        assertThat(a).as("analytics equal a replay of the stored messages").isEqualTo(replay(stored));
        assertThat(chat.firstResponseAt()).isEqualTo(stored.stream()
                .filter(m -> m.sender() == Sender.ADMIN).findFirst().orElseThrow().createdAt());
    }

    private static ChatAnalytics replay(List<ChatMessage> messages) {
        ChatAnalytics a = ChatAnalytics.EMPTY;
        for (ChatMessage m : messages) {
            a = m.sender() == Sender.VISITOR ? a.withVisitorMessage(m.createdAt())
                    : m.sender() == Sender.ADMIN ? a.withAdminMessage(m.createdAt()) : a;
        }
        return a;
    }
}
