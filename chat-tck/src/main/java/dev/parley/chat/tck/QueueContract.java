package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.assignment.QueuedChat;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.presence.Heartbeat;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The queue and automatic assignment: arrival order, the modes, capacities, and the changes that drain a queue
 * (a new chat, an admin coming online, a chat resolved or unassigned, a capacity or mode changed).
 */
public abstract class QueueContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected QueueContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    /** The assignment service under test. */
    protected final AssignmentService queues() {
        return parley().assignment();
    }

    /** Starts a chat in a department one second after the previous one. */
    protected final Chat arrive(String name, String department) {
        clock.advance(Duration.ofSeconds(1));
        return start(name, department, "Hello").chat();
    }

    @Test
    void theQueueHoldsOpenUnassignedChatsInArrivalOrderPerDepartment() {
        Chat a = arrive("Ada", "general");
        Chat b = arrive("Ben", "sales");
        Chat c = arrive("Cy", "general");
        Chat d = arrive("Di", "general");
        status(c.id(), ChatStatus.RESOLVED);
        parley().chats().updateChat(ChatUpdate.assign(d.id(), "alice"));

        assertThat(queues().queue("general", 10)).extracting(q -> q.chat().id(), QueuedChat::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id(), 1));
        Chat e = arrive("Ed", "general");
        assertThat(queues().queue("general", 10)).extracting(q -> q.chat().id()).containsExactly(a.id(), e.id());
        assertThat(queues().position(chat(e.id()))).isEqualTo(OptionalInt.of(2));
        assertThat(queues().position(chat(b.id()))).isEqualTo(OptionalInt.of(1));
        assertThat(queues().position(chat(d.id()))).isEmpty();
        assertThat(queues().position(chat(c.id()))).isEmpty();
    }

    @Test
    void manualIsTheDefaultAndAssignsNothing() {
        online("alice");
        Chat chat = arrive("Ada", "general");
        assertThat(queues().mode("general")).isEqualTo(AssignmentMode.MANUAL);
        assertThat(chat(chat.id()).assignedTo()).isNull();
        assertThat(queues().drain("general")).isZero();
    }

    @Test
    void aNewChatGoesToAnOnlineAdminWhoServesItsDepartment() {
        queues().setMode("sales", AssignmentMode.ROUND_ROBIN);
        parley().presence().heartbeat("bob", Heartbeat.onlineForAll());
        Chat sales = arrive("Ada", "sales");
        Chat general = arrive("Ben", "general");
        assertThat(chat(sales.id()).assignedTo()).isEqualTo("bob");
        assertThat(chat(general.id()).assignedTo()).isNull();
        events.clear();
        queues().setMode("general", AssignmentMode.ROUND_ROBIN);
        assertThat(chat(general.id()).assignedTo()).as("bob serves only sales").isNull();
    }

    @Test
    void roundRobinGivesTheNextChatToTheAdminAssignedLongestAgo() {
        queues().setMode("general", AssignmentMode.ROUND_ROBIN);
        online("alice");
        online("carol");
        List<String> assignees = new java.util.ArrayList<>();
        for (String name : List.of("Ada", "Ben", "Cy", "Di")) {
            assignees.add(chat(arrive(name, "general").id()).assignedTo());
        }
        assertThat(assignees).containsExactly("alice", "carol", "alice", "carol");
    }

    @Test
    void leastBusyGivesTheNextChatToTheAdminWithFewestOpenChats() {
        Chat first = arrive("Ada", "general");
        Chat second = arrive("Ben", "general");
        parley().chats().updateChat(ChatUpdate.assign(first.id(), "alice"));
        parley().chats().updateChat(ChatUpdate.assign(second.id(), "alice"));
        queues().setMode("general", AssignmentMode.LEAST_BUSY);
        online("alice");
        online("carol");
        List<String> assignees = new java.util.ArrayList<>();
        for (String name : List.of("Cy", "Di", "Ed")) {
            assignees.add(chat(arrive(name, "general").id()).assignedTo());
        }
        assertThat(assignees).containsExactly("carol", "carol", "alice");
    }

    @Test
    void anAdminIsNeverGivenMoreThanTheirCapacityAndTheQueueMovesInArrivalOrder() {
        queues().setMode("general", AssignmentMode.ROUND_ROBIN);
        queues().setCapacity("alice", 2);
        online("alice");
        List<Chat> chats = new java.util.ArrayList<>();
        for (String name : List.of("Ada", "Ben", "Cy", "Di")) {
            chats.add(arrive(name, "general"));
        }
        assertThat(chats).extracting(c -> chat(c.id()).assignedTo()).containsExactly("alice", "alice", null, null);
        assertThat(queues().position(chat(chats.get(3).id()))).isEqualTo(OptionalInt.of(2));

        status(chats.get(0).id(), ChatStatus.RESOLVED);
        assertThat(chat(chats.get(2).id()).assignedTo()).as("resolving frees a place").isEqualTo("alice");
        assertThat(chat(chats.get(3).id()).assignedTo()).isNull();
        status(chats.get(1).id(), ChatStatus.CLOSED);
        assertThat(chat(chats.get(3).id()).assignedTo()).as("closing frees a place").isEqualTo("alice");
        assertThat(queues().loads()).filteredOn(l -> l.adminId().equals("alice"))
                .singleElement().satisfies(l -> {
                    assertThat(l.openChats()).isEqualTo(2);
                    assertThat(l.capacity()).isEqualTo(2);
                });
    }

    @Test
    void anAdminComingOnlineTakesTheWaitingChats() {
        queues().setMode("general", AssignmentMode.LEAST_BUSY);
        queues().setCapacity("carol", 2);
        Chat a = arrive("Ada", "general");
        Chat b = arrive("Ben", "general");
        Chat c = arrive("Cy", "general");
        assertThat(chat(a.id()).assignedTo()).isNull();
        online("carol");
        assertThat(List.of(a, b, c)).extracting(x -> chat(x.id()).assignedTo()).containsExactly("carol", "carol", null);
    }

    @Test
    void raisingACapacityOrUnassigningDrainsTheQueue() {
        queues().setMode("general", AssignmentMode.ROUND_ROBIN);
        queues().setCapacity("alice", 1);
        online("alice");
        Chat a = arrive("Ada", "general");
        Chat b = arrive("Ben", "general");
        assertThat(chat(b.id()).assignedTo()).isNull();
        assertThat(queues().setCapacity("alice", 2)).isEqualTo(2);
        assertThat(chat(b.id()).assignedTo()).isEqualTo("alice");

        queues().setCapacity("alice", 0);
        Chat back = parley().chats().updateChat(new ChatUpdate(a.id(), null, null, null, true));
        assertThat(back.assignedTo()).isNull();
        online("carol");
        assertThat(chat(a.id()).assignedTo()).as("carol came online and takes it").isEqualTo("carol");
        assertThat(queues().setCapacity("alice", null)).isEqualTo(5);
        assertThat(queues().capacity("alice")).isEqualTo(5);
    }

    @Test
    void switchingAModeOnDrainsItsQueue() {
        online("alice");
        Chat a = arrive("Ada", "general");
        assertThat(chat(a.id()).assignedTo()).isNull();
        assertThat(queues().setMode(" general ", AssignmentMode.LEAST_BUSY)).isEqualTo(AssignmentMode.LEAST_BUSY);
        assertThat(chat(a.id()).assignedTo()).isEqualTo("alice");
        assertThat(queues().mode("general")).isEqualTo(AssignmentMode.LEAST_BUSY);
    }

    @Test
    void anAssignmentIsPublishedAfterTheChatStartedAndIsNoResponse() {
        queues().setMode("general", AssignmentMode.ROUND_ROBIN);
        online("alice");
        events.clear();
        Chat chat = arrive("Ada", "general");
        List<ChatEvent> seen = events.all().stream()
                .filter(e -> e instanceof ChatEvent.ChatStarted || e instanceof ChatEvent.ChatUpdated).toList();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isInstanceOf(ChatEvent.ChatStarted.class);
        assertThat(((ChatEvent.ChatUpdated) seen.get(1)).chat().assignedTo()).isEqualTo("alice");
        Chat stored = chat(chat.id());
        assertThat(stored.firstResponseAt()).isNull();
        assertThat(stored.responseTime()).isNull();
        assertThat(stored.analytics().adminMessages()).isZero();
        assertThat(stored.status()).isEqualTo(chat.status());
    }

    @Test
    void unknownDepartmentsAdminsAndCapacitiesAreRefused() {
        assertFails(ErrorCode.NOT_FOUND, () -> queues().mode("nowhere"), "nowhere", "general", "sales");
        assertFails(ErrorCode.NOT_FOUND, () -> queues().setMode("nowhere", AssignmentMode.LEAST_BUSY), "nowhere");
        assertFails(ErrorCode.NOT_FOUND, () -> queues().queue("nowhere", 5), "nowhere");
        assertFails(ErrorCode.VALIDATION, () -> queues().setCapacity("mallory", 3), "mallory", "alice");
        assertFails(ErrorCode.VALIDATION, () -> queues().setCapacity("alice", -1), "capacity");
        assertFails(ErrorCode.VALIDATION, () -> AssignmentMode.parse("random"), "random", "round-robin");
        assertThat(AssignmentMode.parse(" Least-Busy ")).isEqualTo(AssignmentMode.LEAST_BUSY);
    }
}
