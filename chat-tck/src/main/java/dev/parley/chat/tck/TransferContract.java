package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatTransfer;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageType;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.StartChat;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.WebhookEventType;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.webhook.WebhookRecorder;
import dev.parley.chat.webhook.WebhookSecret;
import dev.parley.chat.webhook.WebhookSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Transfers: to a department, an admin or both; the visitor sees a SYSTEM message (never the note), an assignee who
 * does not serve the new department is unassigned, a chat left unassigned goes to the assignment trigger, and the
 * first response is kept.
 */
public abstract class TransferContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected TransferContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private Chat transfer(long chatId, @Nullable String toAdmin, @Nullable String toDepartment,
            @Nullable String note) {
        return parley().chats().transferChat(new ChatTransfer(chatId, "alice", toAdmin, toDepartment, note));
    }

    private ChatMessage lastSystemMessage(long chatId) {
        return storedMessages(chatId).stream().filter(m -> m.sender() == Sender.SYSTEM)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aTransferToADepartmentUnassignsAnAdminWhoDoesNotServeItAndTellsTheVisitor() {
        PostedMessage started = start("Ada", "sales", "I need a refund");
        long id = started.chat().id();
        parley().chats().updateChat(ChatUpdate.assign(id, "bob"));
        clock.advance(Duration.ofSeconds(7));
        events.clear();
        Chat moved = transfer(id, null, "technical", null);

        assertThat(moved.department()).isEqualTo("technical");
        assertThat(moved.assignedTo()).isNull();
        assertThat(moved.status()).isEqualTo(ChatStatus.WAITING);
        assertThat(moved.updatedAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(chat(id)).isEqualTo(moved);
        ChatMessage system = lastSystemMessage(id);
        assertThat(system.message()).isEqualTo("Transferred from Sales to Technical Support by Alice Agent");
        assertThat(parley().chats().readChat(started.sessionId(), null).messages()).extracting(ChatMessage::message)
                .containsExactly("I need a refund", "Transferred from Sales to Technical Support by Alice Agent");
        assertThat(events.all()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ChatUpdated", "MessagePosted", "ChatTransferred");
        assertThat(events.of(ChatEvent.ChatTransferred.class)).singleElement().satisfies(e -> {
            assertThat(e.chat()).isEqualTo(moved);
            assertThat(e.fromDepartment()).isEqualTo("sales");
            assertThat(e.fromAssignee()).isEqualTo("bob");
            assertThat(e.byAdmin()).isEqualTo("alice");
            assertThat(e.noteId()).isNull();
        });
    }

    @Test
    void anAssigneeWhoServesTheNewDepartmentKeepsTheChat() {
        long id = start("Ada", "sales", "Hi").chat().id();
        parley().chats().updateChat(ChatUpdate.assign(id, "carol"));
        Chat moved = transfer(id, null, "finance", null);
        assertThat(moved.assignedTo()).isEqualTo("carol");
        assertThat(moved.department()).isEqualTo("finance");
        assertThat(lastSystemMessage(id).message())
                .isEqualTo("Transferred from Sales to Billing & Finance by Alice Agent");
    }

    @Test
    void aTransferToAnAdminAssignsThemInTheSameDepartment() {
        long id = start("Ada", "Hi").chat().id();
        Chat moved = transfer(id, " carol ", null, null);
        assertThat(moved.assignedTo()).isEqualTo("carol");
        assertThat(moved.department()).isEqualTo("general");
        assertThat(lastSystemMessage(id).message()).isEqualTo("Transferred to Carol Lead by Alice Agent");
    }

    @Test
    void aTransferToAnAdminInAnotherDepartmentNamesBoth() {
        long id = start("Ada", "Hi").chat().id();
        Chat moved = transfer(id, "bob", "sales", null);
        assertThat(moved.assignedTo()).isEqualTo("bob");
        assertThat(moved.department()).isEqualTo("sales");
        assertThat(lastSystemMessage(id).message())
                .isEqualTo("Transferred from General Support to Bob Seller in Sales by Alice Agent");
    }

    @Test
    void theNoteOfATransferIsForAdminsOnly() {
        PostedMessage started = start("Ada", "Hi");
        long id = started.chat().id();
        events.clear();
        transfer(id, "carol", null, "Angry about the delay, offer a voucher");

        ChatMessage note = storedMessages(id).get(storedMessages(id).size() - 1);
        assertThat(note.messageType()).isEqualTo(MessageType.NOTE);
        assertThat(note.senderId()).isEqualTo("alice");
        assertThat(note.message()).isEqualTo("Angry about the delay, offer a voucher");
        assertThat(lastSystemMessage(id).message()).doesNotContain("voucher");
        assertThat(parley().chats().readChat(started.sessionId(), null).messages())
                .noneMatch(m -> m.message().contains("voucher"));
        assertThat(events.of(ChatEvent.ChatTransferred.class)).singleElement()
                .satisfies(e -> assertThat(e.noteId()).isEqualTo(note.id()));
    }

    @Test
    void aTransferKeepsTheFirstResponseTheStatusAndTheAnalytics() {
        PostedMessage started = start("Ada", "sales", "Hi");
        long id = started.chat().id();
        clock.advance(Duration.ofSeconds(20));
        parley().chats().postAdminMessage(dev.parley.chat.AdminMessage.text(id, "bob", "Hello"));
        Chat answered = chat(id);
        clock.advance(Duration.ofSeconds(40));
        Chat moved = transfer(id, null, "technical", "Needs a technician");

        assertThat(moved.firstResponseAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(moved.responseTime()).isEqualTo(20L);
        assertThat(moved.status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(moved.analytics()).isEqualTo(answered.analytics());
    }

    @Test
    void aTransferBeforeTheFirstReplyDoesNotRestartTheResponseClock() {
        long id = start("Ada", "sales", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(30));
        transfer(id, null, "technical", null);
        clock.advance(Duration.ofSeconds(30));
        reply(id, "carol", "Technical here");
        assertThat(chat(id).responseTime()).isEqualTo(60L);
        assertThat(chat(id).analytics().longestResponseTime()).isEqualTo(60L);
    }

    @Test
    void aChatLeftUnassignedGoesToTheAssignmentTrigger() {
        List<Chat> waiting = new CopyOnWriteArrayList<>();
        try (Parley p = builder(store(), ParleySettings.DEFAULTS).assignmentTrigger(waiting::add).build()) {
            long id = start("Ada", "sales", "Hi").chat().id();
            p.chats().updateChat(ChatUpdate.assign(id, "bob"));
            Chat moved = p.chats().transferChat(new ChatTransfer(id, "alice", null, "technical", null));
            assertThat(waiting).containsExactly(moved);

            p.chats().transferChat(new ChatTransfer(id, "alice", "carol", null, null));
            p.chats().transferChat(new ChatTransfer(id, "alice", null, "finance", null));
            assertThat(waiting).hasSize(1);
        }
    }

    @Test
    void aTransferToADepartmentWithNobodyAvailablePutsTheChatInItsQueueUntilSomeoneComes() {
        parley().assignment().setMode("technical", AssignmentMode.ROUND_ROBIN);
        parley().presence().heartbeat("bob", Heartbeat.onlineForAll());
        long first = start("Ada", "technical", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(1));
        long id = start("Ben", "sales", "Hi").chat().id();
        parley().chats().updateChat(ChatUpdate.assign(id, "bob"));
        clock.advance(Duration.ofSeconds(1));

        Chat moved = transfer(id, null, "technical", null);
        assertThat(moved.assignedTo()).isNull();
        assertThat(parley().assignment().queue("technical", 10)).extracting(q -> q.chat().id())
                .containsExactly(first, id);

        online("carol");
        assertThat(chat(first).assignedTo()).isEqualTo("carol");
        assertThat(chat(id).assignedTo()).isEqualTo("carol");
        assertThat(chat(id).firstResponseAt()).isNull();
    }

    @Test
    void aTransferToADepartmentWithAnAgentAvailableIsAssignedAtOnce() {
        parley().assignment().setMode("technical", AssignmentMode.LEAST_BUSY);
        online("carol");
        long id = start("Ada", "sales", "Hi").chat().id();
        transfer(id, null, "technical", null);
        assertThat(chat(id).assignedTo()).isEqualTo("carol");
        assertThat(chat(id).department()).isEqualTo("technical");
    }

    @Test
    void badTransfersAreRefusedAndChangeNothing() {
        long id = start("Ada", "sales", "Hi").chat().id();
        parley().chats().updateChat(ChatUpdate.assign(id, "bob"));
        Chat before = chat(id);
        assertFails(ErrorCode.VALIDATION, () -> transfer(id, null, null, "a note"), "adminId", "department");
        assertFails(ErrorCode.VALIDATION, () -> transfer(id, "mallory", null, null), "mallory", "alice");
        assertFails(ErrorCode.VALIDATION, () -> transfer(id, null, "nowhere", null), "nowhere", "technical");
        assertFails(ErrorCode.VALIDATION, () -> transfer(id, null, "sales", null), "already", "sales");
        assertFails(ErrorCode.VALIDATION, () -> transfer(id, "bob", "sales", null), "already", "bob");
        assertFails(ErrorCode.VALIDATION, () -> transfer(id, "bob", "technical", null), "bob", "does not serve");
        assertFails(ErrorCode.VALIDATION, () -> transfer(id, "carol", null, "x".repeat(5_001)), "note");
        assertFails(ErrorCode.FORBIDDEN, () -> parley().chats().transferChat(
                new ChatTransfer(id, "mallory", "carol", null, null)), "mallory");
        assertFails(ErrorCode.NOT_FOUND, () -> transfer(id + 1_000, "carol", null, null), "does not exist");
        assertThat(chat(id)).isEqualTo(before);
        assertThat(storedMessages(id)).hasSize(1);

        status(id, ChatStatus.CLOSED);
        assertFails(ErrorCode.CONFLICT, () -> transfer(id, "carol", null, null), "CLOSED");
        assertThat(chat(id).assignedTo()).isEqualTo("bob");
    }

    private WebhookEndpoint endpoint(WebhookEventType... types) {
        return store().webhooks().insertEndpoint(new WebhookEndpoint(0, "https://hooks.example.com/p", "CRM",
                Set.of(types), true, WebhookSecret.generate().value(), null, null, null, null, T0, T0));
    }

    @Test
    void aTransferThatFailsStoresAndSendsNothing() {
        WebhookEndpoint e = endpoint(WebhookEventType.values());
        long id = start("Ada", "sales", "Hi").chat().id();
        parley().chats().updateChat(ChatUpdate.assign(id, "bob"));
        Chat before = chat(id);
        int deliveries = store().webhooks().listDeliveries(e.id(), 100).size();
        FaultInjectingStore failing = new FaultInjectingStore(store()).failOn("events.append");
        WebhookRecorder recorder = new WebhookRecorder(store().webhooks(), clock, WebhookSettings.DEFAULTS);
        List<Chat> waiting = new CopyOnWriteArrayList<>();
        try (Parley broken = builder(recorder.wrap(failing), ParleySettings.DEFAULTS)
                .assignmentTrigger(waiting::add).build()) {
            events.clear();
            assertThatThrownBy(() -> broken.chats().transferChat(
                    new ChatTransfer(id, "alice", null, "technical", "a note")))
                    .isInstanceOf(FaultInjectingStore.InjectedFault.class);
        }
        assertThat(chat(id)).isEqualTo(before);
        assertThat(storedMessages(id)).hasSize(1);
        assertThat(store().webhooks().listDeliveries(e.id(), 100)).hasSize(deliveries);
        assertThat(events.all()).isEmpty();
        assertThat(waiting).isEmpty();
    }

    @Test
    void aTransferIsSentAsAChatTransferredWebhookWithTheChatUpdate() {
        WebhookEndpoint e = endpoint(WebhookEventType.CHAT_TRANSFERRED, WebhookEventType.CHAT_UPDATED);
        WebhookRecorder recorder = new WebhookRecorder(store().webhooks(), clock, WebhookSettings.DEFAULTS);
        try (Parley hooked = newParley(recorder.wrap(store()), ParleySettings.DEFAULTS)) {
            long id = hooked.chats().startChat(new StartChat("Ada", null, null, "sales", "Hi")).chat().id();
            hooked.chats().transferChat(new ChatTransfer(id, "alice", null, "technical", "secret note"));
        }
        List<WebhookDelivery> deliveries = store().webhooks().listDeliveries(e.id(), 10);
        assertThat(deliveries).extracting(d -> d.type().wireName())
                .containsExactlyInAnyOrder("chat.updated", "chat.transferred");
        assertThat(deliveries).filteredOn(d -> d.type() == WebhookEventType.CHAT_TRANSFERRED).singleElement()
                .satisfies(d -> assertThat(d.payload()).contains("\"department\":\"technical\"",
                        "\"previous\":{\"department\":\"sales\"", "\"transferredBy\":\"alice\"")
                        .doesNotContain("secret note"));
    }
}
