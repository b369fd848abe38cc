package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageType;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.event.ChatEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Admin replies: the first response is recorded once, and per-chat analytics follow every message. */
public abstract class AdminMessagesContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected AdminMessagesContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    @Test
    void anAdminReplyIsStoredWithItsAuthor() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(3));
        ChatMessage answer = reply(id, "alice", "  Hello Ada  ");

        assertThat(answer.sender()).isEqualTo(Sender.ADMIN);
        assertThat(answer.senderId()).isEqualTo("alice");
        assertThat(answer.message()).isEqualTo("Hello Ada");
        assertThat(answer.messageType()).isEqualTo(MessageType.TEXT);
        assertThat(answer.createdAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(storedMessages(id)).last().isEqualTo(answer);
        assertThat(chat(id).updatedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void theFirstResponseIsRecordedOnce() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(45));
        reply(id, "alice", "First");
        clock.advance(Duration.ofSeconds(60));
        reply(id, "carol", "Second");

        Chat chat = chat(id);
        assertThat(chat.firstResponseAt()).isEqualTo(T0.plusSeconds(45));
        assertThat(chat.responseTime()).isEqualTo(45L);
    }

    @Test
    void aReplyMakesAWaitingChatActive() {
        long id = start("Ada", "Hi").chat().id();
        events.clear();
        reply(id, "carol", "I am here");

        assertThat(chat(id).status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(events.of(ChatEvent.ChatUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.previousStatus()).isEqualTo(ChatStatus.WAITING));
    }

    @Test
    void aReplyReopensAResolvedChat() {
        long id = start("Ada", "Hi").chat().id();
        status(id, ChatStatus.RESOLVED);
        reply(id, "alice", "One more thing");

        Chat chat = chat(id);
        assertThat(chat.status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(chat.resolvedAt()).isNull();
        assertThat(chat.resolutionTime()).isNull();
    }

    @Test
    void onlyKnownAdminsMayReply() {
        long id = start("Ada", "Hi").chat().id();
        assertFails(ErrorCode.FORBIDDEN, () -> reply(id, "mallory", "Hi"), "mallory");
        assertFails(ErrorCode.UNAUTHENTICATED,
                () -> parley().chats().postAdminMessage(new AdminMessage(id, null, "Hi", null, null)), "admin");
        assertFails(ErrorCode.UNAUTHENTICATED, () -> reply(id, " ", "Hi"), "admin");
        assertThat(storedMessages(id)).hasSize(1);
        assertThat(chat(id).firstResponseAt()).isNull();
    }

    @Test
    void aReplyToAnUnknownChatIsNotFound() {
        assertFails(ErrorCode.NOT_FOUND, () -> reply(555_555, "alice", "Hi"), "555555");
    }

    @Test
    void theReplyTextIsChecked() {
        long id = start("Ada", "Hi").chat().id();
        assertFails(ErrorCode.VALIDATION, () -> reply(id, "alice", ""), "message", "required");
        assertFails(ErrorCode.VALIDATION, () -> reply(id, "alice", "z".repeat(5_001)), "message", "5000");
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().postAdminMessage(
                new AdminMessage(id, "alice", "see file", MessageType.FILE, null)), "fileUrl");
        assertThat(storedMessages(id)).hasSize(1);
    }

    @Test
    void perChatAnalyticsFollowEveryMessage() {
        PostedMessage first = start("Ada", "Question one");          // V at 0
        long id = first.chat().id();
        clock.advance(Duration.ofSeconds(10));
        visitor(first.sessionId(), "Question two");                  // V at 10
        clock.advance(Duration.ofSeconds(30));
        reply(id, "alice", "Answer");                                // A at 40: answers V at 0 -> 40 s
        clock.advance(Duration.ofSeconds(10));
        reply(id, "alice", "And more");                              // A at 50: nothing waits
        clock.advance(Duration.ofSeconds(50));
        visitor(first.sessionId(), "Thanks, one more");              // V at 100
        clock.advance(Duration.ofSeconds(60));
        reply(id, "carol", "Sure");                                  // A at 160: answers V at 100 -> 60 s

        ChatAnalytics a = chat(id).analytics();
        assertThat(a.totalMessages()).isEqualTo(6);
        assertThat(a.visitorMessages()).isEqualTo(3);
        assertThat(a.adminMessages()).isEqualTo(3);
        assertThat(a.responseCount()).isEqualTo(2);
        assertThat(a.totalResponseTime()).isEqualTo(100);
        assertThat(a.avgResponseTime()).isEqualTo(50.0);
        assertThat(a.longestResponseTime()).isEqualTo(60L);
        assertThat(a.shortestResponseTime()).isEqualTo(40L);
        assertThat(a.awaitingReplySince()).isNull();
        assertThat(a.firstMessageAt()).isEqualTo(T0);
        assertThat(a.lastMessageAt()).isEqualTo(T0.plusSeconds(160));
        assertThat(a.sessionDuration()).isEqualTo(160);
        assertThat(chat(id).responseTime()).isEqualTo(40L);
    }

    @Test
    void aWaitingVisitorMessageIsRememberedUntilAnswered() {
        PostedMessage first = start("Ada", "Hi");
        clock.advance(Duration.ofSeconds(5));
        visitor(first.sessionId(), "Hello?");
        ChatAnalytics a = chat(first.chat().id()).analytics();
        assertThat(a.awaitingReplySince()).isEqualTo(T0);
        assertThat(a.responseCount()).isZero();
        assertThat(a.avgResponseTime()).isNull();
        assertThat(a.longestResponseTime()).isNull();
        assertThat(a.shortestResponseTime()).isNull();
        assertThat(a.sessionDuration()).isEqualTo(5);
    }
}
