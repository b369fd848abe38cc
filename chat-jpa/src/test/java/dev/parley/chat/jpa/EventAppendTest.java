package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.MessageType;
import dev.parley.chat.Sender;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.EventRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one-statement append on PostgreSQL writes the message's events in the same statement: they carry the id the
 * message got, their log id comes from the statement's transaction id, and a message stored inside a store
 * transaction that rolls back leaves no event.
 */
class EventAppendTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private final EventCodec codec = new EventCodec();

    private static Optional<Append> visitorMessage(Chat chat, Instant at, String text) {
        return Optional.of(new Append(chat.edit().status(ChatStatus.ACTIVE).updatedAt(at)
                .analytics(chat.analytics().withVisitorMessage(at)).build(),
                new ChatMessage(0, chat.id(), Sender.VISITOR, null, text, MessageType.TEXT, null, null, null, at,
                        null)));
    }

    private List<EventRecords.Draft> posted(Append stored) {
        return List.of(codec.draft(new ChatEvent.MessagePosted(stored.chat(), stored.message()), T0),
                codec.draft(new ChatEvent.ChatUpdated(stored.chat(), ChatStatus.WAITING), T0));
    }

    @Test
    void theEventsOfAnAppendCarryTheStoredMessageIdAndComeFromItsStatement() {
        ChatStore store = TestDatabases.postgres().emptyStore();
        Chat chat = store.chats().insert(Chat.builder().sessionId("e".repeat(32)).visitorName("Ada")
                .status(ChatStatus.WAITING).createdAt(T0).updatedAt(T0).build());
        long head = store.events().head();

        Append stored = store.appendMessage(chat.sessionId(), c -> visitorMessage(c, T0.plusSeconds(3),
                "with \"id\":-7303030303030303031 in the text"), this::posted).orElseThrow();

        List<EventRecords.Logged> logged = store.events().after(head, 10);
        assertThat(logged).hasSize(2).allSatisfy(l -> assertThat(l.chatId()).isEqualTo(chat.id()));
        assertThat(logged.get(1).id()).isEqualTo(logged.get(0).id() + 1);
        assertThat(codec.decode(logged.get(0).payload())).isInstanceOfSatisfying(ChatEvent.MessagePosted.class,
                m -> {
                    assertThat(m.message().id()).isEqualTo(stored.message().id()).isPositive();
                    assertThat(m.message().message()).isEqualTo("with \"id\":-7303030303030303031 in the text");
                    assertThat(m.chat()).isEqualTo(stored.chat());
                });
        assertThat(codec.decode(logged.get(1).payload())).isInstanceOf(ChatEvent.ChatUpdated.class);
        assertThat(TestDatabases.postgres().queryLong("SELECT COUNT(*) FROM parley_chat_event WHERE id = "
                + logged.get(0).id() + " AND (id >> 16) = CAST(CAST(xact_id AS TEXT) AS BIGINT)")).isEqualTo(1);
    }

    @Test
    void anAppendInsideATransactionThatRollsBackLeavesNoEvent() {
        ChatStore store = TestDatabases.postgres().emptyStore();
        Chat chat = store.chats().insert(Chat.builder().sessionId("f".repeat(32)).visitorName("Bea")
                .createdAt(T0).updatedAt(T0).build());
        long head = store.events().head();

        try {
            store.transactions().run(() -> {
                store.appendMessage(chat.sessionId(), c -> visitorMessage(c, T0.plusSeconds(1), "undone"),
                        this::posted);
                throw new IllegalStateException("the host's transaction fails");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the host's transaction fails");
        }

        assertThat(store.events().after(head, 10)).isEmpty();
        assertThat(store.messages().list(chat.id(), null, null, 10)).isEmpty();
    }
}
