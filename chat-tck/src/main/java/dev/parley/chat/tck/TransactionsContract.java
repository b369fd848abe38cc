package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.MessageType;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.ParleyException;
import dev.parley.chat.Sender;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.store.ChatStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store's {@code Transactions}: all writes of a unit of work are stored, or none of them. */
public abstract class TransactionsContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected TransactionsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    static Chat newChat(String sessionId) {
        return Chat.builder().sessionId(sessionId).visitorName("Ada").department("general").createdAt(T0).build();
    }

    @Test
    void committedWorkIsVisibleAfterwards() {
        Chat chat = store().transactions().inTransaction(() -> store().chats().insert(newChat("s".repeat(32))));
        assertThat(chat.id()).isPositive();
        assertThat(store().chats().find(chat.id())).contains(chat);
    }

    @Test
    void inTransactionAnswersWhatTheWorkAnswers() {
        assertThat(store().transactions().<String>inTransaction(() -> "done")).isEqualTo("done");
    }

    @Test
    void aThrowingUnitOfWorkStoresNothingInAnyRecordStore() {
        ChatStore s = store();
        long departments = s.departments().list().size();
        long articles = s.articles().list().size();
        long[] chatId = new long[1];
        Throwable thrown = catchThrowable(() -> s.transactions().run(() -> {
            Chat chat = s.chats().insert(newChat("r".repeat(32)));
            chatId[0] = chat.id();
            s.messages().insert(new ChatMessage(0, chat.id(), Sender.VISITOR, null, "hi", MessageType.TEXT, null,
                    null, null, T0, null));
            s.chats().update(chat.edit().visitorName("Changed").build());
            s.departments().insert(new ChatDepartment(0, "Rollback", "rollback", null, null, true, 9));
            s.articles().insert(new KnowledgeBaseArticle(0, "Rolled back", "rolled-back", "body", null, null, true,
                    0, 0, T0, T0));
            s.presence().upsert(new AdminPresence("alice", true, T0, null, null));
            s.outbox().insert(OutboxItem.pending("NEW_CHAT", null, "{}", T0, T0));
            s.files().insert(new UploadedFile(0, chat.id(), "/f/x.png", "images/x.png", "x.png", 3, "image/png",
                    T0));
            throw new IllegalStateException("boom");
        }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(s.chats().find(chatId[0])).isEmpty();
        assertThat(s.chats().findBySessionId("r".repeat(32))).isEmpty();
        assertThat(s.messages().count(chatId[0])).isZero();
        assertThat(s.departments().list()).hasSize((int) departments);
        assertThat(s.departments().findBySlug("rollback")).isEmpty();
        assertThat(s.articles().list()).hasSize((int) articles);
        assertThat(s.presence().find("alice")).isEmpty();
        assertThat(s.outbox().countByStatus().values()).allMatch(n -> n == 0);
        assertThat(s.files().countByChat(chatId[0])).isZero();
    }

    @Test
    void aRolledBackUpdateLeavesTheOldValue() {
        Chat chat = store().chats().insert(newChat("u".repeat(32)));
        catchThrowable(() -> store().transactions().run(() -> {
            store().chats().update(chat.edit().visitorName("Changed").build());
            throw new IllegalStateException("boom");
        }));
        assertThat(store().chats().find(chat.id())).contains(chat);
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        Throwable thrown = catchThrowable(() -> store().transactions().run(() -> {
            store().transactions().run(() -> store().chats().insert(newChat("n".repeat(32))));
            assertThat(store().chats().findBySessionId("n".repeat(32))).as("visible inside").isPresent();
            throw new IllegalStateException("outer fails");
        }));
        assertThat(thrown).hasMessage("outer fails");
        assertThat(store().chats().findBySessionId("n".repeat(32))).as("rolled back with the outer").isEmpty();
    }

    @Test
    void aParleyExceptionThrownInsideComesOutUnchanged() {
        ParleyException conflict = ParleyException.conflict("clash");
        Throwable thrown = catchThrowable(() -> store().transactions().run(() -> {
            store().chats().insert(newChat("p".repeat(32)));
            throw conflict;
        }));
        assertThat(thrown).isSameAs(conflict);
        assertThat(store().chats().findBySessionId("p".repeat(32))).isEmpty();
    }

    @Test
    void writesOutsideATransactionAreStoredAtOnce() {
        Chat chat = store().chats().insert(newChat("o".repeat(32)));
        assertThat(store().chats().findBySessionId("o".repeat(32))).contains(chat);
    }

    @Test
    void afterCommitRunsAtOnceOutsideATransaction() {
        List<String> ran = new ArrayList<>();
        store().transactions().afterCommit(() -> ran.add("now"));
        assertThat(ran).containsExactly("now");
    }

    @Test
    void afterCommitWaitsForTheOutermostCommit() {
        List<String> ran = new ArrayList<>();
        store().transactions().run(() -> {
            store().transactions().run(() -> {
                store().chats().insert(newChat("a".repeat(32)));
                store().transactions().afterCommit(() -> ran.add("inner"));
            });
            store().transactions().afterCommit(() -> ran.add("outer"));
            assertThat(ran).as("nothing runs before the outermost commit").isEmpty();
        });
        assertThat(ran).containsExactly("inner", "outer");
    }

    @Test
    void afterCommitActionsSeeTheCommittedDataFromAnotherThread() throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        List<Optional<Chat>> seen = new CopyOnWriteArrayList<>();
        try {
            store().transactions().run(() -> {
                store().chats().insert(newChat("b".repeat(32)));
                store().transactions().afterCommit(() -> {
                    try {
                        seen.add(CompletableFuture.supplyAsync(
                                () -> store().chats().findBySessionId("b".repeat(32)), reader).get(10, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        seen.add(Optional.empty());
                    }
                });
            });
        } finally {
            reader.shutdownNow();
            assertThat(reader.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).singleElement().satisfies(c -> assertThat(c).isPresent());
    }

    @Test
    void afterCommitActionsOfARolledBackTransactionNeverRun() {
        List<String> ran = new ArrayList<>();
        catchThrowable(() -> store().transactions().run(() -> {
            store().transactions().run(() -> store().transactions().afterCommit(() -> ran.add("inner")));
            store().transactions().afterCommit(() -> ran.add("outer"));
            throw new IllegalStateException("boom");
        }));
        store().transactions().run(() -> store().transactions().afterCommit(() -> ran.add("next")));
        assertThat(ran).containsExactly("next");
    }
}
