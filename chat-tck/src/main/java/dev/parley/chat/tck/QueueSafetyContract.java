package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.PageRequest;
import dev.parley.chat.assignment.AssignmentSettings;
import dev.parley.chat.assignment.Sweep;
import dev.parley.chat.presence.Heartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What keeps assignment safe: admins who leave give their unanswered chats back after the grace, and drains running
 * at once (on one node or several over one store) never assign a chat twice or exceed a capacity.
 */
public abstract class QueueSafetyContract extends ContractSuite {

    private static final Duration GRACE = Duration.ofMinutes(2);

    /** Binds the suite to the adapter's test. */
    protected QueueSafetyContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private Chat arrive(String name) {
        clock.advance(Duration.ofSeconds(1));
        return start(name, "general", "Hello").chat();
    }

    @Test
    void anOfflineAdminsUnansweredChatsGoBackToTheQueueAfterTheGrace() {
        parley().assignment().setMode("general", AssignmentMode.ROUND_ROBIN);
        online("alice");
        Chat answered = arrive("Ada");
        Chat unanswered = arrive("Ben");
        reply(answered.id(), "alice", "Hi Ada");
        assertThat(chat(unanswered.id()).assignedTo()).isEqualTo("alice");
        Duration timeout = parley().presence().heartbeatTimeout();

        clock.advance(timeout.plus(GRACE).minusSeconds(5));
        assertThat(parley().assignment().sweep()).isEqualTo(new Sweep(0, 0));
        assertThat(chat(unanswered.id()).assignedTo()).as("still within the grace").isEqualTo("alice");

        clock.advance(Duration.ofSeconds(5));
        assertThat(parley().assignment().sweep().returned()).isEqualTo(1);
        assertThat(chat(unanswered.id()).assignedTo()).isNull();
        assertThat(chat(answered.id()).assignedTo()).as("an answered chat stays").isEqualTo("alice");
        assertThat(parley().assignment().position(chat(unanswered.id()))).hasValue(1);

        online("carol");
        assertThat(chat(unanswered.id()).assignedTo()).isEqualTo("carol");
    }

    @Test
    void theGraceCountsFromWhenAnAdminSaidTheyLeft() {
        parley().assignment().setMode("general", AssignmentMode.LEAST_BUSY);
        online("alice");
        Chat chat = arrive("Ada");
        parley().presence().goOffline("alice");
        clock.advance(GRACE.minusSeconds(1));
        assertThat(parley().assignment().sweep().returned()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(parley().assignment().sweep().returned()).isEqualTo(1);
        assertThat(chat(chat.id()).assignedTo()).isNull();
    }

    @Test
    void chatsOfManualDepartmentsAndOfAdminsNeverOnlineStayAssigned() {
        parley().assignment().setMode("sales", AssignmentMode.ROUND_ROBIN);
        Chat manual = arrive("Ada");
        Chat sales = start("Ben", "sales", "Hello").chat();
        parley().chats().updateChat(ChatUpdate.assign(sales.id(), "carol"));
        online("alice");
        parley().chats().updateChat(ChatUpdate.assign(manual.id(), "alice"));
        parley().presence().goOffline("alice");
        clock.advance(Duration.ofHours(1));
        assertThat(parley().assignment().sweep().returned()).isZero();
        assertThat(chat(manual.id()).assignedTo()).as("general assigns by hand").isEqualTo("alice");
        assertThat(chat(sales.id()).assignedTo()).as("carol was never online").isEqualTo("carol");
    }

    @Test
    void drainsRunningAtOnceOnTwoNodesNeverExceedACapacityNorAssignAChatTwice() throws Exception {
        int chats = 30;
        for (int i = 0; i < chats; i++) {
            arrive("Visitor " + i);
        }
        parley().presence().heartbeat("alice", Heartbeat.onlineForAll());
        parley().presence().heartbeat("carol", Heartbeat.onlineForAll());
        parley().assignment().setCapacity("alice", 3);
        parley().assignment().setCapacity("carol", 4);
        store().assignment().setMode("general", AssignmentMode.ROUND_ROBIN); // no drain yet
        try (Parley other = builder(store(), settings()).assignment(AssignmentSettings.DEFAULTS).seedDefaults(false)
                .build()) {
            List<Parley> nodes = List.of(parley(), other);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Parley node = nodes.get(i % 2);
                Callable<Integer> drain = () -> {
                    go.await();
                    return node.assignment().drain("general");
                };
                done.add(pool.submit(drain));
            }
            go.countDown();
            int assigned = 0;
            for (Future<Integer> f : done) {
                assigned += f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(assigned).isEqualTo(7);
        }
        List<Chat> all = store().chats().list(ChatFilter.ALL, PageRequest.first(100)).items().stream()
                .map(s -> s.chat()).toList();
        Map<String, Long> perAdmin = all.stream().filter(c -> c.assignedTo() != null)
                .collect(Collectors.groupingBy(Chat::assignedTo, Collectors.counting()));
        assertThat(perAdmin).containsExactlyInAnyOrderEntriesOf(Map.of("alice", 3L, "carol", 4L));
        List<Long> assignedIds = all.stream().filter(c -> c.assignedTo() != null).map(Chat::id).sorted().toList();
        List<Long> firstSeven = all.stream().map(Chat::id).sorted().limit(7).toList();
        assertThat(assignedIds).as("the first seven arrivals").isEqualTo(firstSeven);
        assertThat(parley().assignment().queue("general", 100)).hasSize(chats - 7)
                .extracting(q -> q.position()).containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, chats - 7).boxed().toList());
        assertThat(all).allMatch(c -> c.status() == ChatStatus.WAITING, "no assignment changed a status");
    }
}
