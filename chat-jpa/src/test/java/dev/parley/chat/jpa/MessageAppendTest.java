package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.Parley;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.MessageType;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChatStore#appendMessage} on a real database: on PostgreSQL it reads the chat without a lock and writes in
 * one statement only while the chat is unchanged, deciding again when it changed; on H2 it takes the row lock.
 */
class MessageAppendTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static Chat chat(ChatStore store, String session) {
        return store.chats().insert(Chat.builder().sessionId(session).visitorName("Ada").createdAt(T0).updatedAt(T0)
                .build());
    }

    /** The append of one visitor message at {@code at} to the chat as given. */
    private static Optional<Append> visitorMessage(Chat chat, Instant at, String text) {
        return Optional.of(new Append(chat.edit().status(ChatStatus.ACTIVE).updatedAt(at)
                .analytics(chat.analytics().withVisitorMessage(at)).build(),
                new ChatMessage(0, chat.id(), Sender.VISITOR, null, text, MessageType.TEXT, null, null, null, at,
                        null)));
    }

    /** Changes the chat from another thread, committed before this returns. */
    private static void changeElsewhere(ChatStore store, long chatId, String assignee) {
        CompletableFuture.runAsync(() -> store.transactions().run(() -> {
            Chat locked = store.chats().lock(chatId).orElseThrow();
            store.chats().update(locked.edit().assignedTo(assignee).build());
        })).orTimeout(1, TimeUnit.MINUTES).join();
    }

    @Test
    void aChatChangedBetweenReadAndWriteIsDecidedAgainOnWhatItIsThen() {
        ChatStore store = TestDatabases.postgres().emptyStore();
        Chat chat = chat(store, "a".repeat(32));
        List<Chat> given = new ArrayList<>();

        Optional<Append> appended = store.appendMessage(chat.sessionId(), c -> {
            given.add(c);
            if (given.size() == 1) {
                changeElsewhere(store, c.id(), "alice");
            }
            return visitorMessage(c, T0.plusSeconds(5), "hello");
        });

        assertThat(given).extracting(Chat::assignedTo).containsExactly(null, "alice");
        assertThat(appended).isPresent();
        assertThat(appended.get().message().id()).isPositive();
        Chat stored = store.chats().find(chat.id()).orElseThrow();
        assertThat(stored.assignedTo()).isEqualTo("alice");
        assertThat(stored.analytics().totalMessages()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(store.messages().list(chat.id(), null, null, 10)).extracting(ChatMessage::message)
                .containsExactly("hello");
    }

    @Test
    void aChatThatKeepsChangingIsAppendedUnderItsRowLock() {
        ChatStore store = TestDatabases.postgres().emptyStore();
        Chat chat = chat(store, "b".repeat(32));
        AtomicInteger calls = new AtomicInteger();

        Optional<Append> appended = store.appendMessage(chat.sessionId(), c -> {
            int call = calls.incrementAndGet();
            if (call <= MessageAppends.ATTEMPTS) {
                changeElsewhere(store, c.id(), "agent-" + call);
            }
            return visitorMessage(c, T0.plusSeconds(5), "hello");
        });

        assertThat(calls).hasValue(MessageAppends.ATTEMPTS + 1);
        assertThat(appended).map(a -> a.chat().assignedTo()).contains("agent-" + MessageAppends.ATTEMPTS);
        Chat stored = store.chats().find(chat.id()).orElseThrow();
        assertThat(stored.assignedTo()).isEqualTo("agent-" + MessageAppends.ATTEMPTS);
        assertThat(stored.analytics().totalMessages()).isEqualTo(1);
        assertThat(store.messages().count(chat.id())).isEqualTo(1);
    }

    @Test
    void theNextAppendStartsFromThisNodesCopyAndReadsTheRowWhenAnotherNodeChangedIt() {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        ChatStore store = db.emptyStore();
        Chat chat = chat(store, "d".repeat(32));
        List<Chat> given = new ArrayList<>();
        store.appendMessage(chat.sessionId(), c -> visitorMessage(c, T0.plusSeconds(1), "one")).orElseThrow();

        store.appendMessage(chat.sessionId(), c -> {
            given.add(c);
            return visitorMessage(c, T0.plusSeconds(2), "two");
        }).orElseThrow();
        assertThat(given).extracting(c -> c.analytics().totalMessages()).containsExactly(1L);

        try (JpaChatStore otherNode = JpaChatStore.create(db.dataSource, JpaStoreOptions.DEFAULTS)) {
            otherNode.transactions().run(() -> otherNode.chats().update(
                    otherNode.chats().lock(chat.id()).orElseThrow().edit().assignedTo("bob").build()));
        }
        given.clear();
        Append third = store.appendMessage(chat.sessionId(), c -> {
            given.add(c);
            if (c.assignedTo() == null) {
                throw new IllegalStateException("refused: nobody is assigned");
            }
            return visitorMessage(c, T0.plusSeconds(3).plusNanos(123_456_789), "three");
        }).orElseThrow();

        assertThat(given).extracting(Chat::assignedTo).containsExactly(null, "bob");
        assertThat(third.chat()).isEqualTo(store.chats().find(chat.id()).orElseThrow());
        assertThat(third.chat().updatedAt()).isEqualTo(T0.plusSeconds(3).plusNanos(123_456_000));
        assertThat(third.message()).isEqualTo(store.messages().list(chat.id(), null, null, 10).get(2));
        assertThat(third.chat().analytics().totalMessages()).isEqualTo(3);
        assertThat(store.messages().list(chat.id(), null, null, 10)).extracting(ChatMessage::message)
                .containsExactly("one", "two", "three");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAppendInsideATransactionJoinsItAndGoesWithItsRollback(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        Chat chat = chat(store, "e".repeat(32));

        assertThatThrownBy(() -> store.transactions().run(() -> {
            assertThat(store.appendMessage(chat.sessionId(), c -> visitorMessage(c, T0.plusSeconds(1), "undone")))
                    .isPresent();
            throw new IllegalStateException("the host's work failed");
        })).hasMessage("the host's work failed");

        assertThat(store.messages().count(chat.id())).isZero();
        assertThat(store.chats().find(chat.id())).contains(chat);
        assertThat(store.appendMessage(chat.sessionId(), c -> visitorMessage(c, T0.plusSeconds(2), "kept")))
                .map(a -> a.chat().analytics().totalMessages()).contains(1L);
    }

    @Test
    void onAPoolWhoseConnectionsDoNotAutoCommitTheAppendIsCommitted() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.postgres().jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        config.setAutoCommit(false);
        ChatStore shared = TestDatabases.postgres().emptyStore();
        Chat chat = chat(shared, "f".repeat(32));
        try (HikariDataSource pool = new HikariDataSource(config);
             JpaChatStore store = JpaChatStore.create(pool, JpaStoreOptions.DEFAULTS)) {
            for (int i = 1; i <= 3; i++) {
                Instant at = T0.plusSeconds(i);
                assertThat(store.appendMessage(chat.sessionId(), c -> visitorMessage(c, at, "hello"))).isPresent();
            }
        }

        assertThat(shared.messages().count(chat.id())).isEqualTo(3);
        assertThat(shared.chats().find(chat.id())).map(c -> c.analytics().totalMessages()).contains(3L);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAppendThatFailsOrDeclinesStoresNothingAndGivesItsConnectionBack(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        Chat chat = chat(store, "c".repeat(32));

        for (int i = 0; i < 40; i++) {
            assertThatThrownBy(() -> store.appendMessage(chat.sessionId(), c -> {
                throw new IllegalStateException("refused");
            })).hasMessage("refused");
            assertThat(store.appendMessage(chat.sessionId(), c -> Optional.empty())).isEmpty();
        }
        AtomicInteger calls = new AtomicInteger();
        assertThat(store.appendMessage("z".repeat(32), c -> {
            calls.incrementAndGet();
            return visitorMessage(c, T0, "lost");
        })).isEmpty();
        assertThat(calls).hasValue(0);
        assertThat(store.messages().count(chat.id())).isZero();
        assertThat(store.chats().find(chat.id())).contains(chat);

        assertThat(store.appendMessage(chat.sessionId(), c -> visitorMessage(c, T0.plusSeconds(1), "kept")))
                .isPresent();
        assertThat(store.messages().count(chat.id())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void visitorsWritingWhileAnAdminIsOnlineKeepMessagesAnalyticsAndRollupsExact(DatabaseKind kind)
            throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.of(kind);
        MutableClock clock = new MutableClock(T0);
        try (Parley parley = Parley.builder().store(db.emptyStore()).clock(clock)
                .admins(AdminDirectory.of(List.of(new Admin("admin-1", "Admin", null, "agent", Set.of()))))
                .build()) {
            List<PostedMessage> chats = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                chats.add(parley.chats().startChat(new StartChat("Visitor " + i, null, null, null, "Hi")));
                clock.advance(Duration.ofMinutes(20));
            }
            parley.chats().updateChat(ChatUpdate.status(chats.get(1).chat().id(), ChatStatus.RESOLVED));
            parley.presence().heartbeat("admin-1", Heartbeat.onlineForAll());
            int threads = 6;
            int each = 30;

            Together.run(threads, t -> () -> {
                for (int i = 0; i < each; i++) {
                    PostedMessage into = chats.get((t + i) % chats.size());
                    parley.chats().postVisitorMessage(VisitorMessage.text(into.sessionId(), t + "/" + i));
                }
                return null;
            });

            long total = 0;
            for (PostedMessage p : chats) {
                Chat stored = parley.chats().getChat(p.chat().id());
                long fromVisitor = parley.store().messages().list(p.chat().id(), null, null, 1_000).stream()
                        .filter(m -> m.sender() == Sender.VISITOR).count();
                assertThat(stored.analytics().totalMessages()).isEqualTo(fromVisitor);
                assertThat(stored.analytics().visitorMessages()).isEqualTo(fromVisitor);
                assertThat(stored.status()).isEqualTo(ChatStatus.ACTIVE);
                assertThat(stored.resolvedAt()).isNull();
                total += fromVisitor;
            }
            assertThat(total).isEqualTo(chats.size() + (long) threads * each);
            RollupTest.assertRollupEqualsChats(db.dataSource, "parley_", ZoneOffset.UTC);
        }
    }
}
