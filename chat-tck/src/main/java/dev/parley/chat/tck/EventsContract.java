package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.Parley;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Change events: delivered after the change is committed, never for a change that was rolled back. */
public abstract class EventsContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected EventsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    @Test
    void listenersSeeTheChangeCommittedFromAnotherThread() throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        List<Optional<Chat>> seen = new CopyOnWriteArrayList<>();
        try {
            parley().subscribe(event -> {
                if (event instanceof ChatEvent.ChatStarted started) {
                    // Another connection must already see the chat; a listener called inside the transaction would
                    // either block this read (and time out) or not see the chat.
                    try {
                        seen.add(CompletableFuture.supplyAsync(
                                () -> store().chats().findBySessionId(started.chat().sessionId()), reader)
                                .get(10, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        seen.add(Optional.empty());
                    }
                }
            });
            PostedMessage posted = start("Ada", "Hi");
            assertThat(seen).singleElement().satisfies(c -> assertThat(c).map(Chat::id).contains(posted.chat().id()));
        } finally {
            reader.shutdownNow();
            assertThat(reader.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void eachChangePublishesItsEventInOrder() {
        PostedMessage posted = start("Ada", "Hi");
        visitor(posted.sessionId(), "More");
        reply(posted.chat().id(), "alice", "Hello");
        status(posted.chat().id(), ChatStatus.RESOLVED);
        parley().chats().rateChat(posted.sessionId(), 5, null);
        online("carol");

        assertThat(events.all()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "ChatStarted", "MessagePosted", "MessagePosted", "ChatUpdated", "ChatUpdated", "ChatRated",
                "PresenceChanged");
        ChatEvent.ChatStarted started = events.of(ChatEvent.ChatStarted.class).get(0);
        assertThat(started.chat().id()).isEqualTo(posted.chat().id());
        assertThat(started.message()).isEqualTo(posted.message());
        assertThat(events.of(ChatEvent.ChatUpdated.class)).extracting(e -> e.chat().status(),
                ChatEvent.ChatUpdated::previousStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChatStatus.ACTIVE, ChatStatus.WAITING),
                org.assertj.core.groups.Tuple.tuple(ChatStatus.RESOLVED, ChatStatus.ACTIVE));
        assertThat(events.of(ChatEvent.ChatRated.class).get(0).chat().rating()).isEqualTo(5);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        FaultInjectingStore faulty = new FaultInjectingStore(store());
        Parley parley = newParley(faulty, settings());
        PostedMessage posted = start("Ada", "Hi");
        events.clear();

        faulty.failOn("outbox.insert");
        assertThat(catchThrowable(() -> parley.chats().startChat(new StartChat("Bo", null, null, null, "Hi"))))
                .isInstanceOf(FaultInjectingStore.InjectedFault.class);
        assertThat(catchThrowable(() -> parley.chats().postVisitorMessage(
                dev.parley.chat.VisitorMessage.text(posted.sessionId(), "offline again"))))
                .isInstanceOf(FaultInjectingStore.InjectedFault.class);
        faulty.heal();
        faulty.failOn("chats.update");
        assertThat(catchThrowable(() -> parley.chats().postAdminMessage(
                dev.parley.chat.AdminMessage.text(posted.chat().id(), "alice", "Hello"))))
                .isInstanceOf(FaultInjectingStore.InjectedFault.class);

        assertThat(events.all()).isEmpty();
    }

    @Test
    void aRefusedCallPublishesNothing() {
        PostedMessage posted = start("Ada", "Hi");
        events.clear();
        assertFails(ErrorCode.VALIDATION, () -> start("Ada", "nope", "Hi"));
        assertFails(ErrorCode.CONFLICT, () -> parley().chats().rateChat(posted.sessionId(), 5, null));
        assertFails(ErrorCode.FORBIDDEN, () -> reply(posted.chat().id(), "mallory", "Hi"));
        assertThat(events.all()).isEmpty();
    }

    @Test
    void aFailingListenerNeitherUndoesTheChangeNorStopsOtherListeners() {
        ChatEventListener broken = event -> {
            throw new IllegalStateException("listener bug");
        };
        RecordingListener after = new RecordingListener();
        parley().subscribe(broken);
        parley().subscribe(after);

        PostedMessage posted = start("Ada", "Hi");

        assertThat(chat(posted.chat().id())).isEqualTo(posted.chat());
        assertThat(after.of(ChatEvent.ChatStarted.class)).hasSize(1);
        assertThat(events.of(ChatEvent.ChatStarted.class)).hasSize(1);
    }

    @Test
    void anUnsubscribedListenerHearsNothingMore() {
        RecordingListener temporary = new RecordingListener();
        parley().subscribe(temporary);
        start("Ada", "Hi");
        parley().unsubscribe(temporary);
        start("Bo", "Hi");
        assertThat(temporary.of(ChatEvent.ChatStarted.class)).hasSize(1);
    }

    @Test
    void insideAnEnclosingTransactionEventsWaitForItsCommit() {
        int[] seenInside = new int[1];
        store().transactions().run(() -> {
            start("Ada", "Hi");
            online("carol");
            seenInside[0] = events.all().size();
        });
        assertThat(seenInside[0]).as("nothing is published before the enclosing transaction commits").isZero();
        assertThat(events.all()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ChatStarted", "MessagePosted", "PresenceChanged");
    }

    @Test
    void anEnclosingTransactionThatRollsBackPublishesNothing() {
        Throwable thrown = catchThrowable(() -> store().transactions().run(() -> {
            start("Ada", "Hi");
            online("carol");
            throw new IllegalStateException("the host's work failed");
        }));
        assertThat(thrown).hasMessage("the host's work failed");
        assertThat(chatCount()).isZero();
        assertThat(events.all()).isEmpty();
    }
}
