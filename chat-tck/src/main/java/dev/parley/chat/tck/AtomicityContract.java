package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.presence.Heartbeat;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is half-stored: when any step of a call fails, none of the call's writes remain. Faults are injected
 * into the real store's record operations, so the store's own transactions must roll everything back.
 */
public abstract class AtomicityContract extends ContractSuite {

    private FaultInjectingStore faulty;
    private Parley parley;

    /** Binds the suite to the adapter's test. */
    protected AtomicityContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    @BeforeEach
    void faultyParley() {
        faulty = new FaultInjectingStore(store());
        parley = newParley(faulty, settings());
    }

    private void failsWithInjectedFault(String operation, ThrowingCallable call) {
        faulty.failOn(operation);
        try {
            assertThat(catchThrowable(call)).isInstanceOf(FaultInjectingStore.InjectedFault.class);
        } finally {
            faulty.heal();
        }
    }

    private long outboxSize() {
        return store().outbox().countByStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aChatWhoseNotificationCannotBeRecordedIsNotStored() {
        failsWithInjectedFault("outbox.insert",
                () -> parley.chats().startChat(new StartChat("Ada", null, null, null, "Hi")));
        assertThat(chatCount()).isZero();
        assertThat(outboxSize()).isZero();
    }

    @Test
    void aChatWhoseAnalyticsCannotBeUpdatedLeavesNoChatAndNoMessage() {
        failsWithInjectedFault("chats.update",
                () -> parley.chats().startChat(new StartChat("Ada", null, null, null, "Hi")));
        Chat rolledBack = (Chat) faulty.results("chats.insert").get(0);
        assertThat(chatCount()).isZero();
        assertThat(store().chats().find(rolledBack.id())).isEmpty();
        assertThat(store().messages().count(rolledBack.id())).isZero();
        assertThat(outboxSize()).isZero();
    }

    @Test
    void aChatWhoseFirstMessageCannotBeStoredIsNotStored() {
        failsWithInjectedFault("messages.insert",
                () -> parley.chats().startChat(new StartChat("Ada", null, null, null, "Hi")));
        assertThat(chatCount()).isZero();
    }

    @Test
    void anOfflineMessageWhoseNotificationCannotBeRecordedIsNotStored() {
        PostedMessage first = start("Ada", "Hi");
        Chat before = chat(first.chat().id());
        long outbox = outboxSize();
        clock.advance(Duration.ofSeconds(10));

        failsWithInjectedFault("outbox.insert",
                () -> parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), "Hello?")));

        assertThat(storedMessages(first.chat().id())).hasSize(1);
        assertThat(chat(first.chat().id())).isEqualTo(before);
        assertThat(outboxSize()).isEqualTo(outbox);
    }

    @Test
    void aVisitorMessageWhoseChatCannotBeUpdatedIsNotStoredNorNotified() {
        PostedMessage first = start("Ada", "Hi");
        status(first.chat().id(), ChatStatus.RESOLVED);
        Chat before = chat(first.chat().id());
        long outbox = outboxSize();

        failsWithInjectedFault("chats.update",
                () -> parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), "Reopen?")));

        assertThat(storedMessages(first.chat().id())).hasSize(1);
        assertThat(chat(first.chat().id())).isEqualTo(before);
        assertThat(outboxSize()).isEqualTo(outbox);
    }

    @Test
    void anAdminReplyWhoseChatCannotBeUpdatedIsNotStored() {
        PostedMessage first = start("Ada", "Hi");
        Chat before = chat(first.chat().id());

        failsWithInjectedFault("chats.update",
                () -> parley.chats().postAdminMessage(AdminMessage.text(first.chat().id(), "alice", "Hello")));

        assertThat(storedMessages(first.chat().id())).hasSize(1);
        assertThat(chat(first.chat().id())).isEqualTo(before);
        assertThat(chat(first.chat().id()).firstResponseAt()).isNull();
    }

    @Test
    void readMarksAreNotKeptWhenReadingFails() {
        PostedMessage first = start("Ada", "Hi");
        reply(first.chat().id(), "alice", "Hello");

        failsWithInjectedFault("messages.list", () -> parley.chats().readChat(first.sessionId(), null));

        assertThat(storedMessages(first.chat().id())).allSatisfy(m -> assertThat(m.readAt()).isNull());
    }

    @Test
    void anAnnouncementThatCannotBeRecordedLeavesNoSystemMessageAndNoPresence() {
        PostedMessage waiting = start("Ada", "Hi");
        long outbox = outboxSize();

        failsWithInjectedFault("outbox.insert", () -> parley.presence().heartbeat("alice", Heartbeat.onlineForAll()));

        assertThat(storedMessages(waiting.chat().id())).hasSize(1);
        assertThat(store().presence().find("alice")).isEmpty();
        assertThat(parley().presence().anyOnline(null)).isFalse();
        assertThat(outboxSize()).isEqualTo(outbox);
    }

    @Test
    void aSlugRenameWhoseChatsCannotMoveChangesNothing() {
        PostedMessage chat = start("Ada", "sales", "Hi");
        ChatDepartment sales = parley().departments().get("sales");

        failsWithInjectedFault("chats.moveDepartment", () -> parley.departments().update(sales.id(),
                new DepartmentDraft("Sales Team", "sales-team", null, null, null, null)));

        assertThat(parley().departments().get("sales")).isEqualTo(sales);
        assertThat(store().departments().findBySlug("sales-team")).isEmpty();
        assertThat(chat(chat.chat().id()).department()).isEqualTo("sales");
    }

    @Test
    void aDeliveryWhoseChatFlagCannotBeStoredIsDeliveredAgainLater() {
        PostedMessage posted = start("Ada", "Hi");

        failsWithInjectedFault("outbox.markDelivered", () -> parley.outbox().dispatchDue());

        assertThat(chat(posted.chat().id()).emailNotificationSent()).isFalse();
        assertThat(store().outbox().list(OutboxStatus.SENT, 10)).as("not marked sent without its flag").isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(parley().outbox().dispatchDue()).isEqualTo(1);
        assertThat(chat(posted.chat().id()).emailNotificationSent()).isTrue();
    }
}
