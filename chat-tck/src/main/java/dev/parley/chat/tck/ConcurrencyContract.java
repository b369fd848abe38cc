package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.ParleyException;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several writers at once: nothing is lost, per-chat figures stay exact, one presence row per admin, outbox claims
 * stay exclusive and a chat takes one rating. Kept small so that it runs quickly on every database.
 */
public abstract class ConcurrencyContract extends ContractSuite {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 25;

    /** Binds the suite to the adapter's test. */
    protected ConcurrencyContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    /** Runs the task on {@link #THREADS} threads released together; answers each thread's result. */
    private <T> List<T> together(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void concurrentVisitorsAndAdminsLoseNoMessageAndKeepAnalyticsExact() throws Exception {
        online("alice");
        PostedMessage first = start("Ada", "Hi");
        long chatId = first.chat().id();
        java.util.concurrent.atomic.AtomicInteger thread = new java.util.concurrent.atomic.AtomicInteger();

        together(() -> {
            boolean admin = thread.getAndIncrement() % 2 == 0;
            for (int i = 0; i < PER_THREAD; i++) {
                if (admin) {
                    reply(chatId, "alice", "answer " + i);
                } else {
                    visitor(first.sessionId(), "question " + i);
                }
            }
            return null;
        });

        List<ChatMessage> messages = storedMessages(chatId);
        int total = 1 + THREADS * PER_THREAD;
        assertThat(messages).hasSize(total);
        assertThat(store().messages().count(chatId)).isEqualTo(total);
        assertThat(messages).extracting(ChatMessage::id).doesNotHaveDuplicates().isSorted();
        ChatAnalytics a = chat(chatId).analytics();
        assertThat(a.totalMessages()).isEqualTo(total);
        assertThat(a.visitorMessages()).isEqualTo(1 + THREADS / 2 * PER_THREAD);
        assertThat(a.adminMessages()).isEqualTo(THREADS / 2 * PER_THREAD);
        assertThat(a).as("the analytics equal a replay of the stored messages in id order")
                .isEqualTo(replay(messages));
    }

    static ChatAnalytics replay(List<ChatMessage> messages) {
        ChatAnalytics a = ChatAnalytics.EMPTY;
        for (ChatMessage m : messages) {
            if (m.sender() == Sender.VISITOR) {
                a = a.withVisitorMessage(m.createdAt());
            } else if (m.sender() == Sender.ADMIN) {
                a = a.withAdminMessage(m.createdAt());
            }
        }
        return a;
    }

    @Test
    void concurrentlyStartedChatsAreAllStoredWithDistinctIds() throws Exception {
        List<List<Long>> ids = together(() -> {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < PER_THREAD / 2; i++) {
                mine.add(start("Visitor", "Hi").chat().id());
            }
            return mine;
        });
        Set<Long> all = new HashSet<>();
        ids.forEach(all::addAll);
        assertThat(all).hasSize(THREADS * (PER_THREAD / 2));
        assertThat(chatCount()).isEqualTo(THREADS * (PER_THREAD / 2));
    }

    @Test
    void concurrentHeartbeatsKeepOnePresencePerAdmin() throws Exception {
        together(() -> {
            for (int i = 0; i < 10; i++) {
                online("alice");
            }
            return null;
        });
        assertThat(store().presence().onlineSeenAfter(T0.minusSeconds(60))).extracting(AdminPresence::userId)
                .containsExactly("alice");
    }

    @Test
    void concurrentClaimsNeverHandOutAnItemTwice() throws Exception {
        int items = 60;
        for (int i = 0; i < items; i++) {
            store().outbox().insert(OutboxItem.pending("NEW_CHAT", null, "{}", T0, T0));
        }
        java.util.concurrent.atomic.AtomicInteger owner = new java.util.concurrent.atomic.AtomicInteger();
        List<List<Long>> claimed = together(() -> {
            String me = "node-" + owner.getAndIncrement();
            List<Long> mine = new ArrayList<>();
            for (int round = 0; round < items; round++) {
                List<OutboxItem> batch = store().outbox().claim(me, T0, T0.plusSeconds(300), 4);
                if (batch.isEmpty()) {
                    break;
                }
                batch.forEach(i -> mine.add(i.id()));
            }
            return mine;
        });
        List<Long> all = new ArrayList<>();
        claimed.forEach(all::addAll);
        assertThat(all).hasSize(items).doesNotHaveDuplicates();
    }

    @Test
    void concurrentRatingsOfOneChatAcceptExactlyOne() throws Exception {
        PostedMessage posted = start("Ada", "Hi");
        status(posted.chat().id(), ChatStatus.RESOLVED);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

        List<String> outcomes = together(() -> {
            int rating = 1 + n.getAndIncrement();
            try {
                parley().chats().rateChat(posted.sessionId(), rating, "from thread " + rating);
                return "rated " + rating;
            } catch (ParleyException e) {
                return e.code().name();
            }
        });

        assertThat(outcomes).filteredOn(o -> o.startsWith("rated")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.equals(ErrorCode.CONFLICT.name())).hasSize(THREADS - 1);
        Chat rated = chat(posted.chat().id());
        assertThat(outcomes).contains("rated " + rated.rating());
        assertThat(rated.ratingComment()).isEqualTo("from thread " + rated.rating());
    }

    @Test
    void concurrentOfflineMessagesAllLandInBatches() throws Exception {
        PostedMessage first = start("Ada", "Hi");
        together(() -> {
            for (int i = 0; i < 5; i++) {
                visitor(first.sessionId(), "offline " + i);
            }
            return null;
        });
        long lines = pending("OFFLINE_MESSAGES").stream()
                .map(i -> (dev.parley.chat.notification.OfflineMessagesNotification)
                        new dev.parley.chat.notification.NotificationCodec().decode(i.kind(), i.payload()))
                .mapToLong(b -> b.messages().size()).sum();
        assertThat(lines).isEqualTo(THREADS * 5);
        assertThat(pending("OFFLINE_MESSAGES")).hasSize(1);
    }
}
