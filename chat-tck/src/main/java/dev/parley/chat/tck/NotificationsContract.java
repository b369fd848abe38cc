package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.NotificationCodec;
import dev.parley.chat.notification.OfflineMessagesNotification;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Notifications recorded in the outbox with the change that caused them: new chats, offline messages batched per
 * chat and window, and delivery by the dispatcher (never inline in the visitor's call).
 */
public abstract class NotificationsContract extends ContractSuite {

    private final NotificationCodec codec = new NotificationCodec();

    /** Binds the suite to the adapter's test. */
    protected NotificationsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private <T extends Notification> T decode(OutboxItem item, Class<T> type) {
        return type.cast(codec.decode(item.kind(), item.payload()));
    }

    @Test
    void aNewChatRecordsOneNotificationForTheStaffOfItsDepartment() {
        PostedMessage posted = parley().chats().startChat(new StartChat("Ada <b>", "ada@example.org",
                "+1 555 0100", "sales", "Do you ship to Norway?"));

        assertThat(notifier.delivered()).as("nothing is sent inside the visitor's call").isEmpty();
        OutboxItem item = pending("NEW_CHAT").get(0);
        assertThat(pending("NEW_CHAT")).hasSize(1);
        assertThat(item.nextAttemptAt()).isEqualTo(T0);
        NewChatNotification n = decode(item, NewChatNotification.class);
        assertThat(n.recipients()).containsExactly("alice@example.com", "bob@example.com");
        assertThat(n.chatId()).isEqualTo(posted.chat().id());
        assertThat(n.visitorName()).isEqualTo("Ada <b>");
        assertThat(n.visitorEmail()).isEqualTo("ada@example.org");
        assertThat(n.visitorPhone()).isEqualTo("+1 555 0100");
        assertThat(n.department()).isEqualTo("sales");
        assertThat(n.departmentName()).isEqualTo("Sales");
        assertThat(n.firstMessage()).isEqualTo("Do you ship to Norway?");
        assertThat(n.createdAt()).isEqualTo(T0);
    }

    @Test
    void theDepartmentsOwnAddressIsARecipient() {
        var sales = parley().departments().get("sales");
        parley().departments().update(sales.id(), new DepartmentDraft(null, null, null, "sales@example.com", null,
                null));
        start("Ada", "sales", "Hi");
        start("Bo", "general", "Hi");

        assertThat(pending("NEW_CHAT")).extracting(i -> decode(i, NewChatNotification.class).recipients())
                .containsExactly(List.of("alice@example.com", "bob@example.com", "sales@example.com"),
                        List.of("alice@example.com"));
    }

    @Test
    void withoutAnyAddressNothingIsRecordedButTheChatIsStored() {
        Parley mute = newParley(store(), settings(), AdminDirectory.of(List.of(
                new Admin("quiet", "Quiet", null, "agent", Set.of()))));
        PostedMessage posted = mute.chats().startChat(new StartChat("Ada", null, null, null, "Hi"));
        mute.chats().postVisitorMessage(dev.parley.chat.VisitorMessage.text(posted.sessionId(), "Hello?"));

        assertThat(chat(posted.chat().id()).analytics().totalMessages()).isEqualTo(2);
        assertThat(outbox(OutboxStatus.PENDING)).isEmpty();
    }

    @Test
    void theDispatcherDeliversAndFlagsTheChat() {
        PostedMessage posted = start("Ada", "Hi");

        assertThat(parley().outbox().dispatchDue()).isEqualTo(1);

        assertThat(notifier.delivered(NewChatNotification.class)).singleElement()
                .satisfies(n -> assertThat(n.chatId()).isEqualTo(posted.chat().id()));
        assertThat(chat(posted.chat().id()).emailNotificationSent()).isTrue();
        assertThat(outbox(OutboxStatus.SENT)).hasSize(1);
        assertThat(outbox(OutboxStatus.PENDING)).isEmpty();
        assertThat(parley().outbox().dispatchDue()).isZero();
        assertThat(notifier.delivered()).hasSize(1);
    }

    @Test
    void aMessageWhileNobodyIsOnlineMarksTheChatAndRecordsAnOfflineNotification() {
        PostedMessage first = start("Ada", "Hi");
        clock.advance(Duration.ofSeconds(10));
        PostedMessage second = visitor(first.sessionId(), "Is anyone there?");

        assertThat(second.chat().status()).isEqualTo(ChatStatus.WAITING);
        assertThat(second.chat().offlineMessage()).isTrue();
        assertThat(chat(first.chat().id()).offlineMessage()).isTrue();
        OutboxItem item = pending("OFFLINE_MESSAGES").get(0);
        assertThat(pending("OFFLINE_MESSAGES")).hasSize(1);
        assertThat(item.nextAttemptAt()).as("due after the batching window").isEqualTo(T0.plusSeconds(130));
        OfflineMessagesNotification n = decode(item, OfflineMessagesNotification.class);
        assertThat(n.chatId()).isEqualTo(first.chat().id());
        assertThat(n.recipients()).containsExactly("alice@example.com");
        assertThat(n.messages()).singleElement().satisfies(line -> {
            assertThat(line.messageId()).isEqualTo(second.message().id());
            assertThat(line.text()).isEqualTo("Is anyone there?");
            assertThat(line.sentAt()).isEqualTo(T0.plusSeconds(10));
        });
        assertThat(notifier.delivered()).isEmpty();
    }

    @Test
    void offlineMessagesAreBatchedIntoOneNotificationPerChatAndWindow() {
        PostedMessage first = start("Ada", "Hi");
        parley().outbox().dispatchDue();
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(20));
            visitor(first.sessionId(), "Message " + i);
        }
        assertThat(pending("OFFLINE_MESSAGES")).hasSize(1);

        clock.set(T0.plusSeconds(20 + 119));
        assertThat(parley().outbox().dispatchDue()).as("not due before the window ends").isZero();
        clock.set(T0.plusSeconds(20 + 120));
        assertThat(parley().outbox().dispatchDue()).isEqualTo(1);

        assertThat(notifier.delivered(OfflineMessagesNotification.class)).singleElement()
                .satisfies(n -> assertThat(n.messages()).extracting(OfflineMessagesNotification.Line::text)
                        .containsExactly("Message 1", "Message 2", "Message 3"));
        assertThat(chat(first.chat().id()).offlineNotificationSent()).isTrue();

        clock.advance(Duration.ofSeconds(5));
        visitor(first.sessionId(), "Message 4");
        assertThat(pending("OFFLINE_MESSAGES")).as("a new batch after the last was taken").singleElement()
                .satisfies(i -> assertThat(decode(i, OfflineMessagesNotification.class).messages())
                        .extracting(OfflineMessagesNotification.Line::text).containsExactly("Message 4"));
    }

    @Test
    void eachChatHasItsOwnBatch() {
        PostedMessage a = start("Ada", "Hi");
        PostedMessage b = start("Bo", "Hi");
        visitor(a.sessionId(), "a1");
        visitor(b.sessionId(), "b1");
        visitor(a.sessionId(), "a2");

        assertThat(pending("OFFLINE_MESSAGES")).extracting(i -> decode(i, OfflineMessagesNotification.class))
                .extracting(OfflineMessagesNotification::chatId, n -> n.messages().size())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a.chat().id(), 2),
                        org.assertj.core.groups.Tuple.tuple(b.chat().id(), 1));
    }

    @Test
    void messagesWhileAnAdminIsOnlineRecordNoOfflineNotification() {
        online("alice");
        PostedMessage first = start("Ada", "Hi");
        visitor(first.sessionId(), "More");
        assertThat(pending("OFFLINE_MESSAGES")).isEmpty();
        assertThat(chat(first.chat().id()).offlineMessage()).isFalse();
    }

    @Test
    void theBatchingWindowIsConfigurable() {
        Parley slow = newParley(store(), settings().withOfflineBatchWindow(Duration.ofMinutes(10)));
        PostedMessage first = slow.chats().startChat(new StartChat("Ada", null, null, null, "Hi"));
        slow.chats().postVisitorMessage(dev.parley.chat.VisitorMessage.text(first.sessionId(), "Hello?"));
        assertThat(pending("OFFLINE_MESSAGES")).singleElement()
                .satisfies(i -> assertThat(i.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
    }
}
