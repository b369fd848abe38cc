package dev.parley.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.ParleySettings.OutboxSettings;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dispatcher in the background: it delivers due items, and closing it leaves nothing claimed by this node. */
class OutboxDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final OutboxSettings FAST = new OutboxSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(5), Duration.ofMillis(20), 10);

    private final InMemoryChatStore store = new InMemoryChatStore();
    private final NotificationCodec codec = new NotificationCodec();

    private void pendingItem() {
        AgentAvailableNotification n = new AgentAvailableNotification(List.of("ada@example.org"), 1, "Ada", "general");
        store.outbox().insert(OutboxItem.pending(codec.kind(n), null, codec.encode(n), NOW, NOW));
    }

    @Test
    void startedDispatcherDeliversInTheBackgroundAndStopsOnClose() {
        List<Notification> delivered = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(store, delivered::add, Clock.fixed(NOW, ZoneOffset.UTC), FAST, "node-1");
        pendingItem();

        outbox.start();
        outbox.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        outbox.close();
        outbox.close();

        pendingItem();
        assertThat(outbox.stats().pending()).isEqualTo(1);
        assertThat(outbox.stats().sent()).isEqualTo(1);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void closingLetsTheRunningPassFinishAndLeavesNothingClaimed() throws Exception {
        CountDownLatch inDelivery = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        NotificationPort slow = n -> {
            inDelivery.countDown();
            finish.await(10, TimeUnit.SECONDS);
            throw new IllegalStateException("interrupted mid-send");
        };
        for (int i = 0; i < 3; i++) {
            pendingItem();
        }
        OutboxSettings oneAtATime = new OutboxSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofMillis(20), 3);
        Outbox first = new Outbox(store, slow, Clock.fixed(NOW, ZoneOffset.UTC), oneAtATime, "node-1");
        first.start();
        assertThat(inDelivery.await(10, TimeUnit.SECONDS)).isTrue();
        finish.countDown();
        first.close();
        assertThat(store.outbox().list(OutboxStatus.PENDING, 10)).hasSize(3)
                .allSatisfy(i -> assertThat(i.claimedBy()).isNull());

        List<Notification> delivered = new CopyOnWriteArrayList<>();
        Outbox second = new Outbox(store, delivered::add,
                Clock.fixed(NOW.plus(ParleySettings.DEFAULTS.outbox().initialBackoff()), ZoneOffset.UTC),
                oneAtATime, "node-2");
        assertThat(second.dispatchDue()).isEqualTo(3);
        assertThat(delivered).hasSize(3);
    }
}
