package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.MessageType;
import dev.parley.chat.Sender;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store SPI for messages: round trip, increasing ids, reading after an id or a time, read marks. */
public abstract class MessageRecordsContract extends ContractSuite {

    private Chat chat;
    private Chat other;

    /** Binds the suite to the adapter's test. */
    protected MessageRecordsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    @BeforeEach
    void twoChats() {
        chat = store().chats().insert(TransactionsContract.newChat("c".repeat(32)));
        other = store().chats().insert(TransactionsContract.newChat("d".repeat(32)));
    }

    private ChatMessage insert(long chatId, Sender sender, String text, Instant at) {
        return store().messages().insert(new ChatMessage(0, chatId, sender,
                sender == Sender.ADMIN ? "alice" : null, text, MessageType.TEXT, null, null, null, at, null));
    }

    private List<ChatMessage> list(@Nullable Long afterId, @Nullable Instant afterTime, int limit) {
        return store().messages().list(chat.id(), afterId, afterTime, limit);
    }

    @Test
    void everyFieldSurvivesARoundTrip() {
        ChatMessage withFile = new ChatMessage(0, chat.id(), Sender.ADMIN, "alice", "Here it is: ünïcode ✓\nline 2",
                MessageType.FILE, "/parley/files/files/abc.pdf", "report (final).pdf", 123_456L, T0,
                T0.plusSeconds(5));
        ChatMessage stored = store().messages().insert(withFile);

        assertThat(stored.id()).isPositive();
        assertThat(stored).isEqualTo(withFile.withId(stored.id()));
        assertThat(list(null, null, 10)).containsExactly(stored);
    }

    @Test
    void aLongMessageIsStoredWhole() {
        String text = "x".repeat(4_999) + "✓";
        insert(chat.id(), Sender.VISITOR, text, T0);
        assertThat(list(null, null, 10)).singleElement().extracting(ChatMessage::message).isEqualTo(text);
    }

    @Test
    void idsIncreaseWithInsertionOrderAndListingIsOldestFirstPerChat() {
        ChatMessage m1 = insert(chat.id(), Sender.VISITOR, "1", T0);
        ChatMessage o1 = insert(other.id(), Sender.VISITOR, "other", T0);
        ChatMessage m2 = insert(chat.id(), Sender.ADMIN, "2", T0);
        ChatMessage m3 = insert(chat.id(), Sender.SYSTEM, "3", T0);

        assertThat(m2.id()).isGreaterThan(m1.id());
        assertThat(m3.id()).isGreaterThan(m2.id());
        assertThat(list(null, null, 10)).containsExactly(m1, m2, m3);
        assertThat(store().messages().list(other.id(), null, null, 10)).containsExactly(o1);
        assertThat(store().messages().count(chat.id())).isEqualTo(3);
        assertThat(store().messages().count(other.id())).isEqualTo(1);
        assertThat(store().messages().count(chat.id() + other.id() + 100)).isZero();
    }

    @Test
    void listingAfterAnIdAnswersOnlyLaterMessages() {
        ChatMessage m1 = insert(chat.id(), Sender.VISITOR, "1", T0);
        ChatMessage m2 = insert(chat.id(), Sender.VISITOR, "2", T0);
        ChatMessage m3 = insert(chat.id(), Sender.VISITOR, "3", T0);

        assertThat(list(m1.id(), null, 10)).containsExactly(m2, m3);
        assertThat(list(m3.id(), null, 10)).isEmpty();
        assertThat(list(0L, null, 10)).containsExactly(m1, m2, m3);
    }

    @Test
    void listingAfterATimeIsStrictlyAfter() {
        ChatMessage m1 = insert(chat.id(), Sender.VISITOR, "1", T0);
        ChatMessage m2 = insert(chat.id(), Sender.VISITOR, "2", T0.plusSeconds(1));
        ChatMessage m3 = insert(chat.id(), Sender.VISITOR, "3", T0.plusSeconds(2));

        assertThat(list(null, T0, 10)).containsExactly(m2, m3);
        assertThat(list(null, T0.minusMillis(1), 10)).containsExactly(m1, m2, m3);
        assertThat(list(null, T0.plusSeconds(2), 10)).isEmpty();
        assertThat(list(m2.id(), T0, 10)).containsExactly(m3);
    }

    @Test
    void listingStopsAtTheLimitKeepingTheOldest() {
        ChatMessage m1 = insert(chat.id(), Sender.VISITOR, "1", T0);
        ChatMessage m2 = insert(chat.id(), Sender.VISITOR, "2", T0);
        insert(chat.id(), Sender.VISITOR, "3", T0);

        assertThat(list(null, null, 2)).containsExactly(m1, m2);
    }

    @Test
    void markReadSetsReadAtOnUnreadMessagesOfOneSenderOnly() {
        ChatMessage v1 = insert(chat.id(), Sender.VISITOR, "v1", T0);
        ChatMessage a1 = insert(chat.id(), Sender.ADMIN, "a1", T0);
        ChatMessage v2 = insert(chat.id(), Sender.VISITOR, "v2", T0);
        ChatMessage elsewhere = insert(other.id(), Sender.VISITOR, "other chat", T0);

        assertThat(store().messages().markRead(chat.id(), Sender.VISITOR, T0.plusSeconds(10))).isEqualTo(2);
        ChatMessage v3 = insert(chat.id(), Sender.VISITOR, "v3", T0.plusSeconds(11));
        assertThat(store().messages().markRead(chat.id(), Sender.VISITOR, T0.plusSeconds(20))).isEqualTo(1);

        assertThat(list(null, null, 10)).extracting(ChatMessage::readAt)
                .containsExactly(T0.plusSeconds(10), null, T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(list(null, null, 10).get(1)).isEqualTo(a1);
        assertThat(store().messages().list(other.id(), null, null, 10)).containsExactly(elsewhere);
        assertThat(v1.readAt()).isNull();
        assertThat(v2.id()).isLessThan(v3.id());
    }
}
