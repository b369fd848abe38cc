package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.ParleySettings.OutboxSettings;
import dev.parley.chat.jpa.TestDatabases.TestDatabase;
import dev.parley.chat.notification.AgentAvailableNotification;
import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.NotificationCodec;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.notification.OutboxStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two dispatchers, each with its own store and connection pool (two nodes), over one PostgreSQL. */
class OutboxDispatchTest {

    private static final int ITEMS = 10_000;

    /** Counts deliveries per chat id. */
    private static final class CountingPort implements NotificationPort {
        final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        @Override
        public void deliver(Notification notification) {
            deliveries.computeIfAbsent(notification.chatId(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Test
    void twoDispatchersDeliverTenThousandNotificationsEachExactlyOnce() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        JpaChatStore nodeA = db.emptyStore();
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        NotificationCodec codec = new NotificationCodec();
        nodeA.transactions().run(() -> {
            for (long chat = 1; chat <= ITEMS; chat++) {
                Notification n = new AgentAvailableNotification(List.of("visitor" + chat + "@example.org"), chat,
                        "Visitor " + chat, "general");
                nodeA.outbox().insert(OutboxItem.pending(codec.kind(n), null, codec.encode(n), now, now));
            }
        });

        CountingPort port = new CountingPort();
        try (HikariDataSource secondPool = TestDatabases.pool(db.jdbcUrl(), "postgres", 8);
             JpaChatStore nodeB = JpaChatStore.create(secondPool, JpaStoreOptions.DEFAULTS)) {
            List<Outbox> dispatchers = List.of(
                    new Outbox(nodeA, port, clock, OutboxSettings.DEFAULTS, "node-a"),
                    new Outbox(nodeB, port, clock, OutboxSettings.DEFAULTS, "node-b"));

            List<Integer> handled = Together.run(2, t -> () -> {
                int total = 0;
                for (int pass = dispatchers.get(t).dispatchDue(); pass > 0; pass = dispatchers.get(t).dispatchDue()) {
                    total += pass;
                }
                return total;
            });

            assertThat(handled.get(0) + handled.get(1)).isEqualTo(ITEMS);
        }
        assertThat(port.deliveries).hasSize(ITEMS);
        assertThat(port.deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        OutboxStats stats = new Outbox(nodeA, port, clock, OutboxSettings.DEFAULTS, "check").stats();
        assertThat(stats).isEqualTo(new OutboxStats(0, ITEMS, 0, Duration.ZERO));
    }
}
