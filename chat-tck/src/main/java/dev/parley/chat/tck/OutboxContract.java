package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ParleySettings;
import dev.parley.chat.ParleySettings.OutboxSettings;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.notification.OutboxItem;
import dev.parley.chat.notification.OutboxStats;
import dev.parley.chat.notification.OutboxStatus;
import dev.parley.chat.store.OutboxRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The outbox SPI (claims, leases, retries, failures, releases, counts) and the dispatcher over it. */
public abstract class OutboxContract extends ContractSuite {

    private static final Instant LEASE = T0.plusSeconds(300);

    /** Binds the suite to the adapter's test. */
    protected OutboxContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private OutboxRecords records() {
        return store().outbox();
    }

    private OutboxItem item(@Nullable String key, Instant due) {
        return records().insert(OutboxItem.pending("NEW_CHAT", key, "{\"n\":1}", T0, due));
    }

    private static List<Long> ids(List<OutboxItem> items) {
        return items.stream().map(OutboxItem::id).toList();
    }

    @Test
    void anInsertedItemIsPendingWithEveryField() {
        OutboxItem stored = records().insert(OutboxItem.pending("OFFLINE_MESSAGES", "offline:7",
                "{\"text\":\"ünïcode ✓\"}", T0, T0.plusSeconds(120)));

        assertThat(stored.id()).isPositive();
        assertThat(stored).isEqualTo(new OutboxItem(stored.id(), "OFFLINE_MESSAGES", "offline:7",
                "{\"text\":\"ünïcode ✓\"}", OutboxStatus.PENDING, 0, T0, T0.plusSeconds(120), null, null, null));
        assertThat(records().list(OutboxStatus.PENDING, 10)).containsExactly(stored);
        assertThat(records().oldestPendingDue()).contains(T0.plusSeconds(120));
    }

    @Test
    void countsHaveEveryStatusEvenWhenEmpty() {
        assertThat(records().countByStatus())
                .isEqualTo(Map.of(OutboxStatus.PENDING, 0L, OutboxStatus.SENT, 0L, OutboxStatus.FAILED, 0L));
        assertThat(records().oldestPendingDue()).isEmpty();
        assertThat(records().list(OutboxStatus.FAILED, 10)).isEmpty();
    }

    @Test
    void claimTakesDueItemsOldestDueFirstUpToTheMaximum() {
        OutboxItem later = item(null, T0.minusSeconds(10));
        OutboxItem earliest = item(null, T0.minusSeconds(30));
        OutboxItem notDue = item(null, T0.plusSeconds(1));
        OutboxItem dueNow = item(null, T0);

        List<OutboxItem> first = records().claim("node-a", T0, LEASE, 2);
        List<OutboxItem> rest = records().claim("node-a", T0, LEASE, 10);

        assertThat(ids(first)).containsExactly(earliest.id(), later.id());
        assertThat(first).allSatisfy(i -> {
            assertThat(i.claimedBy()).isEqualTo("node-a");
            assertThat(i.claimedUntil()).isEqualTo(LEASE);
            assertThat(i.status()).isEqualTo(OutboxStatus.PENDING);
        });
        assertThat(ids(rest)).containsExactly(dueNow.id());
        assertThat(ids(records().claim("node-a", T0.plusSeconds(1), LEASE, 10))).containsExactly(notDue.id());
    }

    @Test
    void aClaimedItemIsNotHandedToAnotherDispatcherUntilTheLeaseExpires() {
        OutboxItem due = item(null, T0);
        assertThat(ids(records().claim("node-a", T0, LEASE, 10))).containsExactly(due.id());

        assertThat(records().claim("node-b", T0.plusSeconds(1), T0.plusSeconds(301), 10)).isEmpty();
        assertThat(records().claim("node-b", LEASE, LEASE.plusSeconds(300), 10)).as("lease still holds").isEmpty();
        List<OutboxItem> retaken = records().claim("node-b", LEASE.plusSeconds(1), LEASE.plusSeconds(301), 10);
        assertThat(retaken).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(due.id());
            assertThat(i.claimedBy()).isEqualTo("node-b");
            assertThat(i.claimedUntil()).isEqualTo(LEASE.plusSeconds(301));
        });
    }

    @Test
    void aSentItemIsNeverClaimedAgain() {
        OutboxItem due = item(null, T0);
        records().claim("node-a", T0, LEASE, 10);
        records().markSent(due.id(), T0.plusSeconds(1));

        assertThat(records().claim("node-b", LEASE.plusSeconds(3_600), LEASE.plusSeconds(4_000), 10)).isEmpty();
        assertThat(records().list(OutboxStatus.SENT, 10)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(due.id());
            assertThat(i.claimedBy()).isNull();
        });
        assertThat(records().countByStatus()).containsEntry(OutboxStatus.SENT, 1L).containsEntry(OutboxStatus.PENDING,
                0L);
        assertThat(records().oldestPendingDue()).isEmpty();
    }

    @Test
    void aRetriedItemWaitsForItsNextAttempt() {
        OutboxItem due = item(null, T0);
        records().claim("node-a", T0, LEASE, 10);
        records().markRetry(due.id(), 1, T0.plusSeconds(30), "IOException: down");

        OutboxItem retry = records().list(OutboxStatus.PENDING, 10).get(0);
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(retry.lastError()).isEqualTo("IOException: down");
        assertThat(retry.claimedBy()).isNull();
        assertThat(records().claim("node-b", T0.plusSeconds(29), LEASE, 10)).isEmpty();
        assertThat(ids(records().claim("node-b", T0.plusSeconds(30), LEASE, 10))).containsExactly(due.id());
    }

    @Test
    void aFailedItemIsKeptForInspectionAndNeverClaimed() {
        OutboxItem due = item(null, T0);
        records().claim("node-a", T0, LEASE, 10);
        records().markFailed(due.id(), 8, "gave up");

        assertThat(records().list(OutboxStatus.FAILED, 10)).singleElement().satisfies(i -> {
            assertThat(i.attempts()).isEqualTo(8);
            assertThat(i.lastError()).isEqualTo("gave up");
        });
        assertThat(records().claim("node-b", LEASE.plusSeconds(3_600), LEASE.plusSeconds(4_000), 10)).isEmpty();
        assertThat(records().countByStatus()).containsEntry(OutboxStatus.FAILED, 1L);
    }

    @Test
    void releaseFreesOnlyTheOwnersClaimsWithoutCountingAnAttempt() {
        OutboxItem mine = item(null, T0);
        records().claim("node-a", T0, LEASE, 1);
        OutboxItem theirs = item(null, T0);
        records().claim("node-b", T0, LEASE, 1);

        assertThat(records().release("node-a")).isEqualTo(1);
        assertThat(records().release("node-a")).isZero();

        List<OutboxItem> retaken = records().claim("node-c", T0.plusSeconds(1), LEASE, 10);
        assertThat(ids(retaken)).containsExactly(mine.id());
        assertThat(retaken.get(0).attempts()).isZero();
        assertThat(ids(records().list(OutboxStatus.PENDING, 10))).contains(theirs.id());
    }

    @Test
    void onlyAnUntouchedItemTakesMoreMessagesUnderItsKey() {
        OutboxItem batch = item("offline:1", T0.plusSeconds(120));
        item("offline:2", T0.plusSeconds(120));

        assertThat(records().findUnclaimed("offline:1")).map(OutboxItem::id).contains(batch.id());
        assertThat(records().replacePayloadIfUnclaimed(batch.id(), "{\"n\":2}")).isTrue();
        assertThat(records().findUnclaimed("offline:1")).map(OutboxItem::payload).contains("{\"n\":2}");
        assertThat(records().findUnclaimed("offline:3")).isEmpty();

        records().claim("node-a", T0.plusSeconds(120), LEASE, 10);
        assertThat(records().findUnclaimed("offline:1")).isEmpty();
        assertThat(records().replacePayloadIfUnclaimed(batch.id(), "{\"n\":3}")).isFalse();
        assertThat(records().list(OutboxStatus.PENDING, 10)).filteredOn(i -> i.id() == batch.id()).singleElement()
                .satisfies(i -> assertThat(i.payload()).isEqualTo("{\"n\":2}"));

        records().markRetry(batch.id(), 1, T0.plusSeconds(200), "down");
        assertThat(records().findUnclaimed("offline:1")).as("a tried item is not appended to").isEmpty();
    }

    @Test
    void listAnswersOldestFirstUpToTheLimit() {
        OutboxItem a = item(null, T0);
        OutboxItem b = item(null, T0);
        item(null, T0);
        assertThat(ids(records().list(OutboxStatus.PENDING, 2))).containsExactly(a.id(), b.id());
    }

    // ---- the dispatcher ------------------------------------------------------------------------------------

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
        item(null, T0.minusSeconds(90));
        item(null, T0.plusSeconds(90));
        assertThat(parley().outbox().stats()).isEqualTo(new OutboxStats(2, 0, 0, Duration.ofSeconds(90)));
    }

    @Test
    void anUnreadablePayloadIsMarkedFailedAtOnce() {
        records().insert(OutboxItem.pending("NO_SUCH_KIND", null, "{}", T0, T0));
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
}
