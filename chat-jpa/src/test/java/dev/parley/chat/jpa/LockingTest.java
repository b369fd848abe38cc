package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.store.ChatStore;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A lock reads the row as it is once locked, even when the transaction read it before without a lock. */
class LockingTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lockingAChatReadEarlierSeesChangesCommittedInBetween(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        Chat chat = store.chats().insert(Chat.builder().sessionId("l".repeat(32)).visitorName("Before")
                .createdAt(T0).build());

        Chat[] seen = new Chat[3];
        store.transactions().run(() -> {
            seen[0] = store.chats().find(chat.id()).orElseThrow();
            seen[1] = store.chats().findBySessionId(chat.sessionId()).orElseThrow();
            CompletableFuture.runAsync(() -> store.chats().update(chat.edit().visitorName("After").build()))
                    .orTimeout(1, TimeUnit.MINUTES).join();
            seen[2] = store.chats().lockBySessionId(chat.sessionId()).orElseThrow();
            store.chats().update(seen[2].edit().assignedTo("alice").build());
        });

        assertThat(seen[0].visitorName()).isEqualTo("Before");
        assertThat(seen[2].visitorName()).isEqualTo("After");
        assertThat(store.chats().find(chat.id())).map(c -> c.visitorName() + "/" + c.assignedTo())
                .contains("After/alice");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLockedChatKeepsThisTransactionsChanges(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        Chat chat = store.chats().insert(Chat.builder().sessionId("m".repeat(32)).visitorName("Ada")
                .createdAt(T0).build());

        Chat locked = store.transactions().inTransaction(() -> {
            store.chats().update(chat.edit().visitorName("Changed").build());
            return store.chats().lock(chat.id()).orElseThrow();
        });

        assertThat(locked.visitorName()).isEqualTo("Changed");
        assertThat(store.chats().find(chat.id())).map(Chat::visitorName).contains("Changed");
    }
}
