package dev.parley.chat.tck;

import static dev.parley.chat.ChatStatus.ACTIVE;
import static dev.parley.chat.ChatStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatService;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageType;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.StartChat;
import dev.parley.chat.department.DepartmentDraft;
import org.junit.jupiter.api.Test;

/** Starting chats: where they go, what is stored, and every validation of the visitor's input. */
public abstract class StartChatContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected StartChatContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private ChatService chats() {
        return parley().chats();
    }

    private void assertNothingStored() {
        assertThat(chatCount()).as("chats stored").isZero();
    }

    @Test
    void aNewChatIsActiveWhenAnAdminServingItsDepartmentIsOnline() {
        online("alice");
        PostedMessage posted = chats().startChat(new StartChat("Ada", null, null, "sales", "Hello"));

        assertThat(posted.adminOnline()).isTrue();
        assertThat(posted.chat().status()).isEqualTo(ACTIVE);
        assertThat(posted.chat().offlineMessage()).isFalse();
        assertThat(chat(posted.chat().id())).isEqualTo(posted.chat());
    }

    @Test
    void aNewChatWaitsAndIsMarkedOfflineWhenNoAdminIsOnline() {
        PostedMessage posted = start("Ada", "Hello?");

        assertThat(posted.adminOnline()).isFalse();
        assertThat(posted.chat().status()).isEqualTo(WAITING);
        assertThat(posted.chat().offlineMessage()).isTrue();
        assertThat(chat(posted.chat().id()).status()).isEqualTo(WAITING);
    }

    @Test
    void aNewChatStoresTheVisitorTrimmedAndTheFirstMessage() {
        PostedMessage posted = chats().startChat(new StartChat("  Ada Lovelace ", " ada@example.org ",
                " +44 20 7946 0000 ", null, "  Hello,\nI need help.  "));
        Chat chat = posted.chat();
        ChatMessage first = posted.message();

        assertThat(chat.id()).isPositive();
        assertThat(chat.sessionId()).hasSize(32).matches("[A-Za-z0-9_-]{32}");
        assertThat(chat.visitorName()).isEqualTo("Ada Lovelace");
        assertThat(chat.visitorEmail()).isEqualTo("ada@example.org");
        assertThat(chat.visitorPhone()).isEqualTo("+44 20 7946 0000");
        assertThat(chat.visitorEmailReplies()).isFalse();
        assertThat(chat.department()).isEqualTo("general");
        assertThat(chat.assignedTo()).isNull();
        assertThat(chat.createdAt()).isEqualTo(T0);
        assertThat(chat.updatedAt()).isEqualTo(T0);
        assertThat(chat.firstResponseAt()).isNull();
        assertThat(chat.resolvedAt()).isNull();
        assertThat(chat.rating()).isNull();
        assertThat(chat.analytics().totalMessages()).isEqualTo(1);
        assertThat(chat.analytics().visitorMessages()).isEqualTo(1);
        assertThat(first.chatId()).isEqualTo(chat.id());
        assertThat(first.sender()).isEqualTo(Sender.VISITOR);
        assertThat(first.senderId()).isNull();
        assertThat(first.message()).isEqualTo("Hello,\nI need help.");
        assertThat(first.messageType()).isEqualTo(MessageType.TEXT);
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(storedMessages(chat.id())).containsExactly(first);
        assertThat(chat(chat.id())).isEqualTo(chat);
    }

    @Test
    void everyChatGetsItsOwnSessionId() {
        String a = start("Ada", "one").sessionId();
        String b = start("Ada", "two").sessionId();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void theVisitorNameIsRequiredAndBounded() {
        assertFails(ErrorCode.VALIDATION, () -> chats().startChat(new StartChat(null, null, null, null, "Hi")),
                "visitorName", "required");
        assertFails(ErrorCode.VALIDATION, () -> chats().startChat(new StartChat("   ", null, null, null, "Hi")),
                "visitorName", "required");
        assertFails(ErrorCode.VALIDATION,
                () -> chats().startChat(new StartChat("x".repeat(101), null, null, null, "Hi")),
                "visitorName", "100");
        assertFails(ErrorCode.VALIDATION,
                () -> chats().startChat(new StartChat("Ada\r\nBcc: x@y.z", null, null, null, "Hi")),
                "visitorName", "single line");
        assertThat(chats().startChat(new StartChat("x".repeat(100), null, null, null, "Hi")).chat().visitorName())
                .hasSize(100);
        assertThat(chatCount()).isEqualTo(1);
    }

    @Test
    void emailAndPhoneAreCheckedWhenGiven() {
        assertFails(ErrorCode.VALIDATION,
                () -> chats().startChat(new StartChat("Ada", "not-an-email", null, null, "Hi")),
                "visitorEmail", "not-an-email");
        assertFails(ErrorCode.VALIDATION,
                () -> chats().startChat(new StartChat("Ada", "a@b.c\nBcc: evil@x.y", null, null, "Hi")),
                "visitorEmail");
        assertFails(ErrorCode.VALIDATION,
                () -> chats().startChat(new StartChat("Ada", null, "call me maybe", null, "Hi")),
                "visitorPhone", "digits");
        assertFails(ErrorCode.VALIDATION, () -> chats().startChat(new StartChat("Ada", null, "12", null, "Hi")),
                "visitorPhone");
        assertNothingStored();
        Chat chat = chats().startChat(new StartChat("Ada", "", "  ", null, "Hi")).chat();
        assertThat(chat.visitorEmail()).isNull();
        assertThat(chat.visitorPhone()).isNull();
    }

    @Test
    void theEmailOptInIsStoredOnlyWithAnAddress() {
        Chat asked = chats().startChat(new StartChat("Ada", "ada@example.org", null, null, "Hi", true)).chat();
        Chat noAddress = chats().startChat(new StartChat("Bob", null, null, null, "Hi", true)).chat();

        assertThat(store().chats().find(asked.id()).orElseThrow().visitorEmailReplies()).isTrue();
        assertThat(store().chats().findBySessionId(asked.sessionId()).orElseThrow().visitorEmailReplies()).isTrue();
        assertThat(store().chats().find(noAddress.id()).orElseThrow().visitorEmailReplies()).isFalse();
    }

    @Test
    void theFirstMessageIsRequiredAndBounded() {
        assertFails(ErrorCode.VALIDATION, () -> chats().startChat(new StartChat("Ada", null, null, null, null)),
                "message", "required");
        assertFails(ErrorCode.VALIDATION, () -> chats().startChat(new StartChat("Ada", null, null, null, " \n ")),
                "message", "required");
        assertFails(ErrorCode.VALIDATION,
                () -> chats().startChat(new StartChat("Ada", null, null, null, "x".repeat(5_001))),
                "message", "5000");
        assertNothingStored();
        assertThat(chats().startChat(new StartChat("Ada", null, null, null, "x".repeat(5_000))).message()
                .message()).hasSize(5_000);
    }

    @Test
    void theMessageLengthLimitIsConfigurable() {
        var strict = newParley(store(), settings().withMaxMessageLength(10));
        assertFails(ErrorCode.VALIDATION,
                () -> strict.chats().startChat(new StartChat("Ada", null, null, null, "x".repeat(11))),
                "message", "10");
        assertThat(strict.chats().startChat(new StartChat("Ada", null, null, null, "x".repeat(10))).chat().id())
                .isPositive();
    }

    @Test
    void anUnknownDepartmentIsRefusedListingTheChoices() {
        assertFails(ErrorCode.VALIDATION, () -> chats().startChat(new StartChat("Ada", null, null, "salez", "Hi")),
                "salez", "general", "sales", "technical", "finance");
        assertNothingStored();
    }

    @Test
    void anInactiveDepartmentIsRefused() {
        var dept = parley().departments().create(new DepartmentDraft("Closed Shop", "closed-shop", null, null,
                false, 9));
        assertFails(ErrorCode.VALIDATION,
                () -> chats().startChat(new StartChat("Ada", null, null, dept.slug(), "Hi")),
                "closed-shop", "inactive");
        assertNothingStored();
    }
}
