package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.MessageType;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.Transcript;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.event.ChatEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Continuing a chat by its session id, and what the visitor reads. */
public abstract class VisitorMessagesContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected VisitorMessagesContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    @Test
    void aVisitorMessageIsAddedToTheChatOfTheSessionId() {
        PostedMessage first = start("Ada", "Hi");
        clock.advance(Duration.ofSeconds(7));
        PostedMessage second = visitor(" " + first.sessionId() + " ", "  Anyone there?  ");

        assertThat(second.chat().id()).isEqualTo(first.chat().id());
        assertThat(second.message().message()).isEqualTo("Anyone there?");
        assertThat(second.message().sender()).isEqualTo(Sender.VISITOR);
        assertThat(second.message().createdAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(second.message().id()).isGreaterThan(first.message().id());
        assertThat(second.chat().updatedAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(second.chat().analytics().visitorMessages()).isEqualTo(2);
        assertThat(storedMessages(first.chat().id())).containsExactly(first.message(), second.message());
        assertThat(chat(first.chat().id())).isEqualTo(second.chat());
    }

    @Test
    void anUnknownSessionIdIsNotFound() {
        start("Ada", "Hi");
        assertFails(ErrorCode.NOT_FOUND, () -> visitor("A".repeat(32), "Hello"), "start a new chat");
        assertFails(ErrorCode.NOT_FOUND, () -> visitor("not-a-session-id", "Hello"));
        assertFails(ErrorCode.NOT_FOUND, () -> visitor("' OR 1=1 --", "Hello"));
        assertFails(ErrorCode.NOT_FOUND, () -> parley().chats().readChat("B".repeat(32), null));
        assertFails(ErrorCode.NOT_FOUND, () -> parley().chats().rateChat("C".repeat(32), 5, null));
    }

    @Test
    void aMissingSessionIdIsAValidationError() {
        assertFails(ErrorCode.VALIDATION,
                () -> parley().chats().postVisitorMessage(new VisitorMessage(null, "Hi", null, null)),
                "sessionId", "required");
        assertFails(ErrorCode.VALIDATION, () -> visitor("  ", "Hi"), "sessionId");
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().readChat(null, null), "sessionId");
    }

    @Test
    void aClosedChatRefusesNewMessages() {
        PostedMessage first = start("Ada", "Hi");
        Chat closed = status(first.chat().id(), ChatStatus.CLOSED);
        events.clear();

        assertFails(ErrorCode.CONFLICT, () -> visitor(first.sessionId(), "Hello?"), "closed", "new chat");
        assertThat(storedMessages(first.chat().id())).hasSize(1);
        assertThat(chat(first.chat().id())).isEqualTo(closed);
        assertThat(events.all()).isEmpty();
    }

    @Test
    void aVisitorMessageReopensAResolvedChat() {
        online("alice");
        PostedMessage first = start("Ada", "Hi");
        clock.advance(Duration.ofSeconds(30));
        status(first.chat().id(), ChatStatus.RESOLVED);
        events.clear();
        clock.advance(Duration.ofSeconds(30));

        PostedMessage again = visitor(first.sessionId(), "One more question");

        assertThat(again.chat().status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(again.chat().resolvedAt()).isNull();
        assertThat(again.chat().resolutionTime()).isNull();
        assertThat(chat(first.chat().id())).isEqualTo(again.chat());
        assertThat(events.of(ChatEvent.ChatUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.previousStatus()).isEqualTo(ChatStatus.RESOLVED));
    }

    @Test
    void aResolvedChatReopensAsWaitingWhenNobodyIsOnline() {
        PostedMessage first = start("Ada", "Hi");
        status(first.chat().id(), ChatStatus.RESOLVED);
        PostedMessage again = visitor(first.sessionId(), "Hello again");
        assertThat(again.chat().status()).isEqualTo(ChatStatus.WAITING);
        assertThat(again.adminOnline()).isFalse();
    }

    @Test
    void aWaitingChatBecomesActiveWhenTheVisitorWritesWhileAnAdminIsOnline() {
        PostedMessage first = start("Ada", "Hi");
        assertThat(first.chat().status()).isEqualTo(ChatStatus.WAITING);
        online("carol");

        PostedMessage next = visitor(first.sessionId(), "Still there");

        assertThat(next.adminOnline()).isTrue();
        assertThat(next.chat().status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(next.chat().offlineMessage()).as("it was offline once").isTrue();
    }

    @Test
    void anActiveChatWaitsAgainOnceTheAdminsHeartbeatTimesOut() {
        online("alice");
        PostedMessage first = start("Ada", "Hi");
        assertThat(first.chat().status()).isEqualTo(ChatStatus.ACTIVE);
        clock.advance(Duration.ofMinutes(2));

        PostedMessage next = visitor(first.sessionId(), "Hello?");

        assertThat(next.adminOnline()).isFalse();
        assertThat(next.chat().status()).isEqualTo(ChatStatus.WAITING);
        assertThat(next.chat().offlineMessage()).isTrue();
    }

    @Test
    void theMessageIsCheckedLikeTheFirstOne() {
        PostedMessage first = start("Ada", "Hi");
        assertFails(ErrorCode.VALIDATION, () -> visitor(first.sessionId(), "   "), "message", "required");
        assertFails(ErrorCode.VALIDATION, () -> visitor(first.sessionId(), "y".repeat(5_001)), "5000");
        assertFails(ErrorCode.VALIDATION, () -> visitor(first.sessionId(), "nul\u0000byte"), "message", "NUL");
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().postVisitorMessage(
                new VisitorMessage(first.sessionId(), "look", MessageType.IMAGE, null)), "fileUrl", "upload");
        assertThat(storedMessages(first.chat().id())).hasSize(1);
    }

    @Test
    void theVisitorReadsEveryMessageOldestFirstWithTheStatus() {
        online("alice");
        PostedMessage first = start("Ada", "Hi");
        long id = first.chat().id();
        clock.advance(Duration.ofSeconds(1));
        ChatMessage answer = reply(id, "alice", "Hello Ada");
        clock.advance(Duration.ofSeconds(1));
        PostedMessage third = visitor(first.sessionId(), "Thanks");

        Transcript transcript = parley().chats().readChat(first.sessionId(), null);

        assertThat(transcript.status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(transcript.chat().id()).isEqualTo(id);
        assertThat(transcript.messages()).extracting(ChatMessage::id)
                .containsExactly(first.message().id(), answer.id(), third.message().id());
    }

    @Test
    void theVisitorReadsOnlyMessagesAfterAnIdOrATime() {
        PostedMessage first = start("Ada", "Hi");
        clock.advance(Duration.ofSeconds(10));
        PostedMessage second = visitor(first.sessionId(), "Second");
        clock.advance(Duration.ofSeconds(10));
        PostedMessage third = visitor(first.sessionId(), "Third");

        assertThat(parley().chats().readChat(first.sessionId(), new MessageCursor.AfterId(first.message().id()))
                .messages()).extracting(ChatMessage::id).containsExactly(second.message().id(), third.message().id());
        assertThat(parley().chats().readChat(first.sessionId(), new MessageCursor.AfterTime(T0.plusSeconds(10)))
                .messages()).extracting(ChatMessage::id).containsExactly(third.message().id());
        assertThat(parley().chats().readChat(first.sessionId(), new MessageCursor.AfterId(third.message().id()))
                .messages()).isEmpty();
        assertThat(parley().chats().messages(first.chat().id(), new MessageCursor.AfterId(second.message().id())))
                .extracting(ChatMessage::id).containsExactly(third.message().id());
    }

    @Test
    void readingMarksTheOtherSidesMessagesReadOnce() {
        PostedMessage first = start("Ada", "Hi");
        long id = first.chat().id();
        clock.advance(Duration.ofSeconds(5));
        ChatMessage answer = reply(id, "alice", "Hello");
        assertThat(answer.readAt()).isNull();

        clock.advance(Duration.ofSeconds(5));
        Transcript read = parley().chats().readChat(first.sessionId(), null);
        assertThat(read.messages()).extracting(ChatMessage::readAt).containsExactly(null, T0.plusSeconds(10));

        clock.advance(Duration.ofSeconds(5));
        parley().chats().readChat(first.sessionId(), null);
        assertThat(storedMessages(id)).extracting(ChatMessage::readAt).containsExactly(null, T0.plusSeconds(10));

        clock.advance(Duration.ofSeconds(5));
        var adminView = parley().chats().messages(id, null);
        assertThat(adminView).extracting(ChatMessage::readAt).containsExactly(T0.plusSeconds(20), T0.plusSeconds(10));
        assertThat(storedMessages(id)).extracting(ChatMessage::readAt)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(10));
    }

    @Test
    void adminsReadingAnUnknownChatIsNotFound() {
        assertFails(ErrorCode.NOT_FOUND, () -> parley().chats().messages(424_242, null), "424242");
    }
}
