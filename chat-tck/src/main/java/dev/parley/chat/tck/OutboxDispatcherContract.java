package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.ParleySettings.OutboxSettings;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.notification.OutboxStats;
import dev.parley.chat.store.ChatStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outbox dispatcher over any store: retries with backoff, giving up, stats, unreadable payloads, batches, and
 * completing what was delivered when the store fails mid-batch. The store's own outbox SPI is
 * {@link OutboxContract}.
 */
public abstract class OutboxDispatcherContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected OutboxDispatcherContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private Outbox dispatcher(int maxAttempts) {
        OutboxSettings s = new OutboxSettings(maxAttempts, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofSeconds(1), 100);
        return newParley(store(), ParleySettings.DEFAULTS.withOutbox(s)).outbox();
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffThenGivenUp() {
        start("Ada", "Hi");
        Outbox outbox = dispatcher(3);
        notifier.failNext(3);

        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(outbox(OutboxStatus.PENDING)).singleElement().satisfies(i -> {
            assertThat(i.attempts()).isEqualTo(1);
            assertThat(i.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(i.lastError()).contains("mail server unavailable");
        });
        assertThat(outbox.stats()).isEqualTo(new OutboxStats(1, 0, 0, Duration.ZERO));

        clock.advance(Duration.ofSeconds(29));
        assertThat(outbox.dispatchDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(outbox(OutboxStatus.PENDING)).singleElement()
                .satisfies(i -> assertThat(i.nextAttemptAt()).isEqualTo(T0.plusSeconds(90)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(outbox.failed(10)).singleElement().satisfies(i -> {
            assertThat(i.attempts()).isEqualTo(3);
            assertThat(i.status()).isEqualTo(OutboxStatus.FAILED);
        });
        assertThat(outbox.stats()).isEqualTo(new OutboxStats(0, 0, 1, Duration.ZERO));
        assertThat(notifier.delivered()).isEmpty();
    }

    @Test
    void aRetryThatSucceedsIsSentOnce() {
        start("Ada", "Hi");
        Outbox outbox = dispatcher(5);
        notifier.failNext(1);
        outbox.dispatchDue();
        clock.advance(Duration.ofSeconds(30));
        outbox.dispatchDue();
        clock.advance(Duration.ofHours(1));
        outbox.dispatchDue();

        assertThat(notifier.delivered(NewChatNotification.class)).hasSize(1);
        assertThat(outbox.stats()).isEqualTo(new OutboxStats(0, 1, 0, Duration.ZERO));
    }

    @Test
    void statsShowHowOverdueTheOldestPendingItemIs() {
        outboxItem(null, T0.minusSeconds(90));
        outboxItem(null, T0.plusSeconds(90));
        assertThat(parley().outbox().stats()).isEqualTo(new OutboxStats(2, 0, 0, Duration.ofSeconds(90)));
    }

    @Test
    void anUnreadablePayloadIsMarkedFailedAtOnce() {
        store().outbox().insert(OutboxItem.pending("NO_SUCH_KIND", null, "{}", T0, T0));
        parley().outbox().dispatchDue();
        assertThat(outbox(OutboxStatus.FAILED)).singleElement()
                .satisfies(i -> assertThat(i.lastError()).contains("unreadable"));
    }

    @Test
    void manyDueItemsAreDeliveredInOnePassAcrossBatches() {
        for (int i = 0; i < 7; i++) {
            start("Visitor " + i, "Hi");
        }
        OutboxSettings small = new OutboxSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofSeconds(1), 3);
        Outbox outbox = newParley(store(), ParleySettings.DEFAULTS.withOutbox(small)).outbox();

        assertThat(outbox.dispatchDue()).isEqualTo(7);
        assertThat(notifier.delivered()).hasSize(7);
    }

    private Outbox dispatcher(ChatStore over, NotificationPort port, int batchSize) {
        OutboxSettings s = new OutboxSettings(5, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofSeconds(1), batchSize);
        return new Outbox(over, port, clock, s, "node-x");
    }

    @Test
    void aDispatcherCompletesEachBatchInOneStoreCallWithoutRewritingChats() {
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            chats.add(start("Visitor " + i, "Hi").chat().id());
        }
        FaultInjectingStore faulty = new FaultInjectingStore(store()).failOn("chats.lock").failOn("chats.update");

        assertThat(dispatcher(faulty, notifier, 3).dispatchDue()).isEqualTo(7);

        assertThat(faulty.results("outbox.markDelivered")).containsExactly(3, 3, 1);
        assertThat(notifier.delivered(NewChatNotification.class)).hasSize(7);
        assertThat(outbox(OutboxStatus.SENT)).hasSize(7).allSatisfy(i -> assertThat(i.attempts()).isEqualTo(1));
        assertThat(chats).allSatisfy(id -> assertThat(chat(id).emailNotificationSent()).isTrue());
    }

    @Test
    void whatWasDeliveredBeforeAStoreFailureMidBatchIsStillCompleted() {
        long ada = start("Ada", "Hi").chat().id();
        long bea = start("Bea", "Hi").chat().id();
        long cyd = start("Cyd", "Hi").chat().id();
        FaultInjectingStore faulty = new FaultInjectingStore(store()).failOn("outbox.markRetry");
        AtomicInteger calls = new AtomicInteger();
        List<Long> delivered = new CopyOnWriteArrayList<>();
        NotificationPort secondFails = n -> {
            if (calls.incrementAndGet() == 2) {
                throw new IOException("mail server unavailable (simulated)");
            }
            delivered.add(n.chatId());
        };

        assertThatThrownBy(dispatcher(faulty, secondFails, 100)::dispatchDue)
                .isInstanceOf(FaultInjectingStore.InjectedFault.class);

        assertThat(delivered).containsExactly(ada);
        assertThat(ids(outbox(OutboxStatus.SENT))).hasSize(1);
        assertThat(chat(ada).emailNotificationSent()).isTrue();
        assertThat(outbox(OutboxStatus.PENDING)).hasSize(2).allSatisfy(i -> {
            assertThat(i.claimedBy()).as("redelivered once the lease expires").isEqualTo("node-x");
            assertThat(i.attempts()).isZero();
        });
        assertThat(chat(bea).emailNotificationSent()).isFalse();
        assertThat(chat(cyd).emailNotificationSent()).isFalse();
    }
}
