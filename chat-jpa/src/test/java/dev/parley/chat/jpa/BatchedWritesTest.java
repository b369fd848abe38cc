package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.MessageType;
import dev.parley.chat.Sender;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.store.ChatStore;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Inserts reordered into JDBC batches still put a new chat before the rows that refer to it. */
class BatchedWritesTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static ChatMessage message(long chatId, String text) {
        return new ChatMessage(0, chatId, Sender.VISITOR, null, text, MessageType.TEXT, null, null, null, T0, null);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rowsOfAnOldChatWrittenBeforeANewChatAndItsRowsAllCommit(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        Chat old = store.chats().insert(Chat.builder().sessionId("o".repeat(32)).visitorName("Old").createdAt(T0)
                .build());

        Chat fresh = store.transactions().inTransaction(() -> {
            store.messages().insert(message(old.id(), "to the old chat"));
            store.files().insert(new UploadedFile(0, old.id(), "/f/a.png", "a.png", "a.png", 1, "image/png", T0));
            Chat created = store.chats().insert(Chat.builder().sessionId("n".repeat(32)).visitorName("New")
                    .createdAt(T0).build());
            store.messages().insert(message(created.id(), "to the new chat"));
            store.files().insert(new UploadedFile(0, created.id(), "/f/b.png", "b.png", "b.png", 1, "image/png",
                    T0));
            store.messages().insert(message(old.id(), "to the old chat again"));
            return created;
        });

        assertThat(store.messages().count(old.id())).isEqualTo(2);
        assertThat(store.messages().count(fresh.id())).isEqualTo(1);
        assertThat(store.files().findByChatAndUrl(fresh.id(), "/f/b.png")).isPresent();
        assertThat(store.files().countByChat(old.id())).isEqualTo(1);
    }
}
