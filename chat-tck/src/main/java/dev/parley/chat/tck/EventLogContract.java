package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.EventRecords;
import dev.parley.chat.store.EventRecords.Draft;
import dev.parley.chat.store.EventRecords.Logged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The event log: every published event is in it, written in the transaction of the change, read in order after an
 * id in bounded batches, and trimmed by age while the newest event stays.
 */
public abstract class EventLogContract extends ContractSuite {

    private final EventCodec codec = new EventCodec();

    /** Binds the suite to the adapter's test. */
    protected EventLogContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private EventRecords log() {
        return store().events();
    }

    private List<Logged> readAll(long afterId, int batch) {
        List<Logged> all = new ArrayList<>();
        long cursor = afterId;
        for (List<Logged> page = log().after(cursor, batch); !page.isEmpty(); page = log().after(cursor, batch)) {
            assertThat(page).hasSizeLessThanOrEqualTo(batch);
            all.addAll(page);
            cursor = page.get(page.size() - 1).id();
        }
        return all;
    }

    @Test
    void theLogHoldsEveryPublishedEventInOrderWithIncreasingIds() {
        long before = log().head();
        PostedMessage posted = start("Ada", "Hi");
        visitor(posted.sessionId(), "More");
        reply(posted.chat().id(), "alice", "Hello Ada");
        status(posted.chat().id(), ChatStatus.RESOLVED);
        online("bob");

        List<Logged> logged = readAll(before, 2);
        assertThat(logged.stream().map(l -> codec.decode(l.payload())).toList())
                .containsExactlyElementsOf(events.all());
        assertThat(logged).extracting(Logged::id).isSorted().doesNotHaveDuplicates();
        assertThat(logged.get(0).id()).isGreaterThan(before);
        assertThat(log().head()).isEqualTo(logged.get(logged.size() - 1).id());
        assertThat(log().after(log().head(), 10)).isEmpty();
        assertThat(logged).filteredOn(l -> l.chatId() == posted.chat().id()).hasSize(logged.size() - 1);
        assertThat(codec.decode(logged.get(logged.size() - 1).payload()))
                .isInstanceOfSatisfying(ChatEvent.PresenceChanged.class,
                        p -> assertThat(p.presence()).extracting(AdminPresence::userId).isEqualTo("bob"));
        assertThat(logged).allSatisfy(l -> assertThat(l.createdAt()).isEqualTo(T0));
    }

    @Test
    void aVisitorMessageWhileAnAdminIsOnlineIsLoggedWithItsStoredIdInTheSameWrite() {
        online("alice");
        PostedMessage posted = start("Ada", "Hi");
        long head = log().head();

        PostedMessage more = visitor(posted.sessionId(), "appended while online");

        List<Logged> logged = log().after(head, 10);
        assertThat(logged).singleElement().satisfies(l -> {
            assertThat(l.chatId()).isEqualTo(posted.chat().id());
            assertThat(codec.decode(l.payload())).isInstanceOfSatisfying(ChatEvent.MessagePosted.class, m -> {
                assertThat(m.message().id()).isEqualTo(more.message().id()).isPositive();
                assertThat(m.message().message()).isEqualTo("appended while online");
                assertThat(m.chat().analytics().visitorMessages()).isEqualTo(2);
            });
        });
        assertThat(events.of(ChatEvent.MessagePosted.class)).last()
                .satisfies(m -> assertThat(m.message().id()).isEqualTo(more.message().id()));
    }

    @Test
    void aChangeRolledBackLeavesNoEventAndAnEnclosingTransactionCarriesItsEvents() {
        long head = log().head();
        Throwable failed = catchThrowable(() -> store().transactions().run(() -> {
            start("Ada", "Hi");
            throw new IllegalStateException("the host's transaction fails");
        }));
        assertThat(failed).hasMessageContaining("the host's transaction fails");
        assertThat(log().after(head, 10)).isEmpty();
        assertThat(log().head()).isEqualTo(head);

        PostedMessage posted = store().transactions().inTransaction(() -> start("Bea", "Hello"));
        assertThat(log().after(head, 10)).singleElement().satisfies(l -> {
            assertThat(l.chatId()).isEqualTo(posted.chat().id());
            assertThat(codec.decode(l.payload())).isInstanceOf(ChatEvent.ChatStarted.class);
        });
    }

    @Test
    void appendedDraftsAreReadBackAsWritten() {
        long head = log().head();
        store().transactions().run(() -> log().append(List.of(new Draft(7, T0, "{\"a\":1}"),
                new Draft(0, T0.plusSeconds(1), "{\"b\":\"ü\"}"))));
        log().append(List.of(new Draft(8, T0.plusSeconds(2), "{}")));
        List<Logged> read = log().after(head, EventRecords.MAX_BATCH);
        assertThat(read).extracting(Logged::chatId, Logged::createdAt, Logged::payload).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7L, T0, "{\"a\":1}"),
                org.assertj.core.groups.Tuple.tuple(0L, T0.plusSeconds(1), "{\"b\":\"ü\"}"),
                org.assertj.core.groups.Tuple.tuple(8L, T0.plusSeconds(2), "{}"));
        assertThat(log().after(read.get(0).id(), 1)).extracting(Logged::id).containsExactly(read.get(1).id());
    }

    @Test
    void trimmingDeletesOldEventsButKeepsTheNewest() {
        log().append(List.of(new Draft(1, T0.minus(Duration.ofHours(3)), "{}")));
        log().append(List.of(new Draft(1, T0.minus(Duration.ofHours(2)), "{}")));
        log().append(List.of(new Draft(1, T0.minus(Duration.ofHours(1)), "{}")));
        List<Logged> all = readAll(0, 10);
        assertThat(all).hasSize(3);
        assertThat(log().oldest()).isEqualTo(all.get(0).id());

        assertThat(log().trim(T0.minus(Duration.ofMinutes(150)))).isEqualTo(1);
        assertThat(log().oldest()).isEqualTo(all.get(1).id());
        assertThat(readAll(0, 10)).containsExactlyElementsOf(all.subList(1, 3));

        assertThat(log().trim(T0)).isEqualTo(1);
        assertThat(log().oldest()).isEqualTo(all.get(2).id());
        assertThat(log().head()).isEqualTo(all.get(2).id());
        assertThat(log().trim(T0)).isZero();
    }

    @Test
    void aReaderFollowingTheLogWhileOthersWriteSkipsNothingAndRepeatsNothing() throws Exception {
        int writers = 4;
        int each = 40;
        long start = log().head();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean written = new AtomicBoolean();
        try {
            Future<List<Logged>> reader = pool.submit(() -> {
                List<Logged> seen = new ArrayList<>();
                long cursor = start;
                while (true) {
                    boolean last = written.get();
                    List<Logged> page = log().after(cursor, 7);
                    seen.addAll(page);
                    cursor = page.isEmpty() ? cursor : page.get(page.size() - 1).id();
                    if (page.isEmpty() && last) {
                        return seen;
                    }
                }
            });
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writing.add(pool.submit(() -> {
                    for (int n = 0; n < each; n++) {
                        String payload = "{\"w\":" + writer + ",\"n\":" + n + "}";
                        store().transactions().run(() -> log().append(List.of(new Draft(writer, T0, payload))));
                    }
                }));
            }
            for (Future<?> f : writing) {
                f.get(60, TimeUnit.SECONDS);
            }
            written.set(true);
            List<Logged> seen = reader.get(60, TimeUnit.SECONDS);
            assertThat(seen).extracting(Logged::id).isSorted().doesNotHaveDuplicates();
            assertThat(seen).hasSize(writers * each);
            for (int w = 0; w < writers; w++) {
                int writer = w;
                assertThat(seen).filteredOn(l -> l.chatId() == writer).extracting(Logged::payload)
                        .containsExactlyElementsOf(IntStream.range(0, each)
                                .mapToObj(n -> "{\"w\":" + writer + ",\"n\":" + n + "}").toList());
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anEmptyLogHasNoHeadAndNothingToRead() {
        EventRecords empty = store().events();
        assertThat(empty.head()).isZero();
        assertThat(empty.oldest()).isZero();
        assertThat(empty.after(0, 10)).isEmpty();
        assertThat(catchThrowable(() -> empty.after(0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> empty.after(0, EventRecords.MAX_BATCH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
