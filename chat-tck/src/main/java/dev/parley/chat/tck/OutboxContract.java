package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.Chat;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.store.OutboxRecords.ChatFlag;
import dev.parley.chat.store.OutboxRecords.Delivered;
import dev.parley.chat.store.OutboxRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outbox SPI: claims, leases, completing delivered batches with their chat flags, retries, failures, releases,
 * counts. The dispatcher over it is {@link OutboxDispatcherContract}.
 */
public abstract class OutboxContract extends ContractSuite {

    private static final Instant LEASE = T0.plusSeconds(300);

    /** Binds the suite to the adapter's test. */
    protected OutboxContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private OutboxRecords records() {
        return store().outbox();
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
    void itemsAreCountedByKeySinceATimeWhateverTheirStatus() {
        OutboxItem old = records().insert(OutboxItem.pending("AGENT_AVAILABLE", "visitor-mail:a", "{}",
                T0.minusSeconds(100), T0));
        records().insert(OutboxItem.pending("AGENT_AVAILABLE", "visitor-mail:a", "{}", T0, T0));
        records().insert(OutboxItem.pending("AGENT_AVAILABLE", "visitor-mail:b", "{}", T0, T0));
        records().claim("node-a", T0, LEASE, 10);
        records().markFailed(old.id(), 1, "refused");

        assertThat(records().countByKeySince("visitor-mail:a", T0.minusSeconds(100))).isEqualTo(2);
        assertThat(records().countByKeySince("visitor-mail:a", T0)).isEqualTo(1);
        assertThat(records().countByKeySince("visitor-mail:a", T0.plusNanos(1000))).isZero();
        assertThat(records().countByKeySince("visitor-mail:c", T0.minusSeconds(100))).isZero();
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
        OutboxItem later = outboxItem(null, T0.minusSeconds(10));
        OutboxItem earliest = outboxItem(null, T0.minusSeconds(30));
        OutboxItem notDue = outboxItem(null, T0.plusSeconds(1));
        OutboxItem dueNow = outboxItem(null, T0);

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
        OutboxItem due = outboxItem(null, T0);
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
        OutboxItem due = outboxItem(null, T0);
        records().claim("node-a", T0, LEASE, 10);
        records().markDelivered("node-a", List.of(new Delivered(due.id(), 0, null)), T0.plusSeconds(1));

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
        OutboxItem due = outboxItem(null, T0);
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
        OutboxItem due = outboxItem(null, T0);
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
        OutboxItem mine = outboxItem(null, T0);
        records().claim("node-a", T0, LEASE, 1);
        OutboxItem theirs = outboxItem(null, T0);
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
        OutboxItem batch = outboxItem("offline:1", T0.plusSeconds(120));
        outboxItem("offline:2", T0.plusSeconds(120));

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
        OutboxItem a = outboxItem(null, T0);
        OutboxItem b = outboxItem(null, T0);
        outboxItem(null, T0);
        assertThat(ids(records().list(OutboxStatus.PENDING, 2))).containsExactly(a.id(), b.id());
    }

    // ---- completing a delivered batch ----------------------------------------------------------------------

    private static Delivered email(OutboxItem item, long chatId) {
        return new Delivered(item.id(), chatId, ChatFlag.EMAIL_NOTIFICATION_SENT);
    }

    private OutboxItem only(OutboxStatus status, long id) {
        return records().list(status, 1_000).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " item " + id));
    }

    @Test
    void markDeliveredMarksTheOwnersItemsSentAndSetsEachItemsFlagOnItsChat() {
        Chat ada = chat(start("Ada", "Hi").chat().id());
        Chat bea = chat(start("Bea", "Hi").chat().id());
        Chat cyd = chat(start("Cyd", "Hi").chat().id());
        OutboxItem newChat = outboxItem(null, T0);
        OutboxItem offline = outboxItem(null, T0);
        OutboxItem plain = outboxItem(null, T0);
        OutboxItem retried = outboxItem(null, T0);
        OutboxItem left = outboxItem(null, T0);
        records().claim("node-a", T0, LEASE, 100);
        records().markRetry(retried.id(), 1, T0, "IOException: down");
        records().claim("node-a", T0, LEASE, 100);

        int sent = records().markDelivered("node-a", List.of(email(newChat, ada.id()),
                new Delivered(offline.id(), bea.id(), ChatFlag.OFFLINE_NOTIFICATION_SENT),
                new Delivered(plain.id(), cyd.id(), null), email(retried, cyd.id())), T0.plusSeconds(1));

        assertThat(sent).isEqualTo(4);
        assertThat(ids(records().list(OutboxStatus.SENT, 10)))
                .containsExactlyInAnyOrder(newChat.id(), offline.id(), plain.id(), retried.id());
        assertThat(records().list(OutboxStatus.SENT, 10)).allSatisfy(i -> {
            assertThat(i.claimedBy()).isNull();
            assertThat(i.claimedUntil()).isNull();
            assertThat(i.lastError()).isNull();
        });
        assertThat(only(OutboxStatus.SENT, newChat.id()).attempts()).isEqualTo(1);
        assertThat(only(OutboxStatus.SENT, retried.id()).attempts()).isEqualTo(2);
        assertThat(only(OutboxStatus.PENDING, left.id()).claimedBy()).as("not delivered").isEqualTo("node-a");
        assertThat(chat(ada.id())).isEqualTo(ada.edit().emailNotificationSent(true).build());
        assertThat(chat(bea.id())).isEqualTo(bea.edit().offlineNotificationSent(true).build());
        assertThat(chat(cyd.id())).as("flagged by the retried item only")
                .isEqualTo(cyd.edit().emailNotificationSent(true).build());
        assertThat(records().countByStatus()).containsEntry(OutboxStatus.SENT, 4L);
    }

    @Test
    void markDeliveredLeavesWhatTheOwnerNoLongerClaimsAndTheirChatsAlone() {
        Chat ada = chat(start("Ada", "Hi").chat().id());
        Chat bea = chat(start("Bea", "Hi").chat().id());
        Chat cyd = chat(start("Cyd", "Hi").chat().id());
        Chat dan = chat(start("Dan", "Hi").chat().id());
        records().claim("setup", T0, T0.plusSeconds(100_000), 100);
        OutboxItem retaken = outboxItem(null, T0);
        assertThat(ids(records().claim("node-a", T0, T0.plusSeconds(10), 100))).containsExactly(retaken.id());
        assertThat(ids(records().claim("node-b", T0.plusSeconds(11), LEASE, 100))).containsExactly(retaken.id());
        OutboxItem released = outboxItem(null, T0.plusSeconds(5));
        assertThat(ids(records().claim("node-a", T0.plusSeconds(5), LEASE, 100))).containsExactly(released.id());
        assertThat(records().release("node-a")).isEqualTo(1);
        OutboxItem done = outboxItem(null, T0);
        OutboxItem mine = outboxItem(null, T0);
        assertThat(ids(records().claim("node-a", T0, LEASE, 100))).containsExactly(done.id(), mine.id());
        records().markDelivered("node-a", List.of(new Delivered(done.id(), 0, null)), T0);
        List<OutboxItem> pendingBefore = records().list(OutboxStatus.PENDING, 100);

        int sent = records().markDelivered("node-a", List.of(email(mine, ada.id()), email(retaken, bea.id()),
                email(released, cyd.id()), email(done, dan.id()), email(mine, ada.id()),
                new Delivered(987_654_321L, ada.id(), ChatFlag.OFFLINE_NOTIFICATION_SENT)), T0.plusSeconds(1));

        assertThat(sent).isEqualTo(1);
        assertThat(ids(records().list(OutboxStatus.SENT, 10))).containsExactlyInAnyOrder(mine.id(), done.id());
        assertThat(only(OutboxStatus.SENT, mine.id()).attempts()).isEqualTo(1);
        assertThat(only(OutboxStatus.SENT, done.id()).attempts()).as("not counted twice").isEqualTo(1);
        assertThat(records().list(OutboxStatus.PENDING, 100)).as("the other items are untouched")
                .containsExactlyInAnyOrderElementsOf(pendingBefore.stream().filter(i -> i.id() != mine.id()).toList());
        assertThat(only(OutboxStatus.PENDING, retaken.id()).claimedBy()).isEqualTo("node-b");
        assertThat(only(OutboxStatus.PENDING, released.id()).claimedBy()).isNull();
        assertThat(chat(ada.id())).isEqualTo(ada.edit().emailNotificationSent(true).build());
        assertThat(chat(bea.id())).isEqualTo(bea);
        assertThat(chat(cyd.id())).isEqualTo(cyd);
        assertThat(chat(dan.id())).isEqualTo(dan);
    }

    @Test
    void markDeliveredOfNothingOrOfAMissingChatChangesNoChat() {
        Chat ada = chat(start("Ada", "Hi").chat().id());
        OutboxItem orphan = outboxItem(null, T0);
        records().claim("node-a", T0, LEASE, 100);

        assertThat(records().markDelivered("node-a", List.of(), T0)).isZero();
        assertThat(records().markDelivered("node-a", List.of(email(orphan, 987_654_321L)), T0)).isEqualTo(1);

        assertThat(only(OutboxStatus.SENT, orphan.id()).attempts()).isEqualTo(1);
        assertThat(chat(ada.id())).isEqualTo(ada);
    }

    @Test
    void markDeliveredIsAllOrNothingWithTheTransactionItRunsIn() {
        Chat ada = chat(start("Ada", "Hi").chat().id());
        OutboxItem item = outboxItem(null, T0);
        records().claim("node-a", T0, LEASE, 100);
        List<OutboxItem> pendingBefore = records().list(OutboxStatus.PENDING, 100);

        assertThatThrownBy(() -> store().transactions().run(() -> {
            assertThat(records().markDelivered("node-a", List.of(email(item, ada.id())), T0)).isEqualTo(1);
            assertThat(store().chats().find(ada.id())).hasValueSatisfying(
                    c -> assertThat(c.emailNotificationSent()).as("visible inside").isTrue());
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");

        assertThat(records().list(OutboxStatus.PENDING, 100)).containsExactlyInAnyOrderElementsOf(pendingBefore);
        assertThat(records().countByStatus()).containsEntry(OutboxStatus.SENT, 0L);
        assertThat(chat(ada.id())).isEqualTo(ada);
    }

    @Test
    void aChatUpdatedInTheSameTransactionBeforeAndAfterKeepsBothChanges() {
        Chat ada = chat(start("Ada", "Hi").chat().id());
        OutboxItem item = outboxItem(null, T0);
        records().claim("node-a", T0, LEASE, 100);

        store().transactions().run(() -> {
            Chat locked = store().chats().lock(ada.id()).orElseThrow();
            store().chats().update(locked.edit().visitorName("Ada L.").build());
            records().markDelivered("node-a", List.of(email(item, ada.id())), T0);
            Chat again = store().chats().lock(ada.id()).orElseThrow();
            assertThat(again.emailNotificationSent()).as("the flag is seen by the same transaction").isTrue();
            store().chats().update(again.edit().updatedAt(T0.plusSeconds(5)).build());
        });

        assertThat(chat(ada.id())).isEqualTo(ada.edit().visitorName("Ada L.").updatedAt(T0.plusSeconds(5))
                .emailNotificationSent(true).build());
    }

    /**
     * Flags set while visitors keep writing to the same chats (each write reads the chat under its row lock and
     * writes it whole): no flag is undone by a write and no write is undone by a flag. Repeated rounds to give the
     * interleavings a chance; it would fail if either side could overwrite the other.
     */
    @Test
    void flagsAndConcurrentChatUpdatesNeverUndoEachOther() throws Exception {
        int rounds = 8;
        int writes = 6;
        List<PostedMessage> chats = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chats.add(start("Visitor " + i, "Hi"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(chats.size() + 1);
        try {
            for (int round = 0; round < rounds; round++) {
                for (PostedMessage c : chats) {
                    store().transactions().run(() -> {
                        Chat locked = store().chats().lock(c.chat().id()).orElseThrow();
                        store().chats().update(locked.edit().emailNotificationSent(false).build());
                    });
                }
                List<OutboxItem> items = new ArrayList<>();
                for (int i = 0; i < chats.size(); i++) {
                    items.add(outboxItem(null, T0));
                }
                String owner = "node-" + round;
                records().claim(owner, clock.instant(), clock.instant().plusSeconds(300), 1_000);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (PostedMessage c : chats) {
                    work.add(pool.submit(() -> {
                        go.await();
                        for (int w = 0; w < writes; w++) {
                            visitor(c.sessionId(), "more");
                        }
                        return null;
                    }));
                }
                work.add(pool.submit(() -> {
                    go.await();
                    List<Delivered> delivered = new ArrayList<>();
                    for (int i = 0; i < chats.size(); i++) {
                        delivered.add(email(items.get(i), chats.get(i).chat().id()));
                    }
                    assertThat(records().markDelivered(owner, delivered, T0)).isEqualTo(chats.size());
                    return null;
                }));
                go.countDown();
                for (Future<?> f : work) {
                    f.get(120, TimeUnit.SECONDS);
                }
                for (PostedMessage c : chats) {
                    Chat now = chat(c.chat().id());
                    assertThat(now.emailNotificationSent()).as("round %d, chat %d", round, now.id()).isTrue();
                    assertThat(now.analytics().visitorMessages()).as("no visitor write lost")
                            .isEqualTo(1 + (long) (round + 1) * writes);
                }
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
