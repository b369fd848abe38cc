package dev.parley.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.ParleySettings.OutboxSettings;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OutboxLeaseTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void dispatcherStopsWhenItsLeaseRunsOutMidBatchAndTheRestIsDeliveredOnceLater() {
        var store = new InMemoryChatStore();
        var codec = new NotificationCodec();
        for (int i = 1; i <= 3; i++) {
            var n = new AgentAvailableNotification(List.of("v" + i + "@example.com"), i, "V" + i, "general");
            store.outbox().insert(OutboxItem.pending(codec.kind(n), null, codec.encode(n), now.get(), now.get()));
        }
        List<Long> delivered = new ArrayList<>();
        NotificationPort slowPort = n -> {
            delivered.add(n.chatId());
            now.set(now.get().plus(Duration.ofMinutes(6)));   // each send outlasts the 5-minute lease
        };
        var settings = new OutboxSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(1), 10);
        var first = new Outbox(store, slowPort, clock, settings, "node-a");

        assertThat(first.dispatchDue()).isEqualTo(1);
        assertThat(delivered).containsExactly(1L);
        assertThat(first.stats().sent()).as("what was delivered before the lease ran out is completed").isEqualTo(1);
        assertThat(store.outbox().list(OutboxStatus.PENDING, 10)).hasSize(2)
                .allSatisfy(i -> assertThat(i.claimedBy()).isEqualTo("node-a"));

        var second = new Outbox(store, slowPort, clock, settings, "node-b");
        second.dispatchDue();
        first.dispatchDue();

        assertThat(delivered).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(first.stats().sent()).isEqualTo(3);
    }
}
