package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.PageRequest;
import dev.parley.chat.ParleyException;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.ChatStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every capability suite shares: a fresh store from the adapter's factory, a {@link MutableClock} standing at
 * {@link #T0}, a small admin directory, a recording notifier and event listener, an in-memory file storage, a
 * seeded {@link Parley} over the store, and helpers that build data in one line.
 */
public abstract class ContractSuite {

    /** Where the clock stands when a test starts: a Tuesday morning, whole seconds. */
    public static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    /** Serves every department, has an email. */
    public static final Admin ALICE = new Admin("alice", "Alice Agent", "alice@example.com", "agent", Set.of());
    /** Serves only {@code sales}, has an email. */
    public static final Admin BOB = new Admin("bob", "Bob Seller", "bob@example.com", "agent", Set.of("sales"));
    /** Serves every department, has no email. */
    public static final Admin CAROL = new Admin("carol", "Carol Lead", null, "lead", Set.of());
    /** The directory of the suites. */
    public static final AdminDirectory ADMINS = AdminDirectory.of(List.of(ALICE, BOB, CAROL));

    private final AbstractChatStoreContractTest contract;
    private @Nullable ChatStore store;
    private @Nullable Parley parley;
    /** The test's clock; every Parley of the suite uses it. */
    protected final MutableClock clock = new MutableClock(T0);
    /** What the outbox delivered. */
    protected final RecordingNotifier notifier = new RecordingNotifier();
    /** The events Parley published. */
    protected final RecordingListener events = new RecordingListener();
    /** Where uploads go. */
    protected final MemoryFileStorage files = new MemoryFileStorage();

    /** Binds the suite to the adapter's test, which supplies the stores. */
    protected ContractSuite(AbstractChatStoreContractTest contract) {
        this.contract = contract;
    }

    @BeforeEach
    final void openStore() {
        store = Objects.requireNonNull(contract.newStore(), "newStore() returned null");
        parley = newParley(store, settings());
    }

    @AfterEach
    final void closeStore() {
        if (parley != null) {
            parley.close();
        }
        if (store != null) {
            contract.releaseStore(store);
        }
    }

    /** The settings of {@link #parley()}; suites override to test other limits. */
    protected ParleySettings settings() {
        return ParleySettings.DEFAULTS;
    }

    /** The store under test (empty but for the seeds). */
    protected final ChatStore store() {
        return Objects.requireNonNull(store, "store");
    }

    /** Parley over the store under test, seeded. */
    protected final Parley parley() {
        return Objects.requireNonNull(parley, "parley");
    }

    /** A further Parley over another (e.g. fault-injecting) view of a store, with the suite's clock and recorders. */
    protected final Parley newParley(ChatStore over, ParleySettings settings) {
        return newParley(over, settings, ADMINS);
    }

    /** A further Parley with another admin directory. */
    protected final Parley newParley(ChatStore over, ParleySettings settings, AdminDirectory admins) {
        return builder(over, settings).admins(admins).build();
    }

    /** A builder with the suite's clock, admins, recorders and file storage, to change one more thing. */
    protected final Parley.Builder builder(ChatStore over, ParleySettings settings) {
        return Parley.builder()
                .store(over)
                .settings(settings)
                .clock(clock)
                .admins(ADMINS)
                .notificationPort(notifier)
                .listener(events)
                .fileStorage(files)
                .nodeName("tck-node");
    }

    // ---- data in one line ---------------------------------------------------------------------------------

    /** Starts a chat in {@code general} with a visitor who left an email and asked for replies by email. */
    protected final PostedMessage start(String visitorName, String message) {
        return start(visitorName, null, message);
    }

    /** Starts a chat in a department (null: general). */
    protected final PostedMessage start(String visitorName, @Nullable String department, String message) {
        return parley().chats().startChat(new StartChat(visitorName,
                visitorName.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org", null,
                department, message, true));
    }

    /** A visitor message on the chat of the session id. */
    protected final PostedMessage visitor(String sessionId, String message) {
        return parley().chats().postVisitorMessage(VisitorMessage.text(sessionId, message));
    }

    /** An admin reply. */
    protected final ChatMessage reply(long chatId, String adminId, String message) {
        return parley().chats().postAdminMessage(AdminMessage.text(chatId, adminId, message));
    }

    /** Changes a chat's status. */
    protected final Chat status(long chatId, ChatStatus status) {
        return parley().chats().updateChat(ChatUpdate.status(chatId, status));
    }

    /** An admin heartbeat for every department. */
    protected final void online(String adminId) {
        parley().presence().heartbeat(adminId, Heartbeat.onlineForAll());
    }

    /** The chat as stored now. */
    protected final Chat chat(long chatId) {
        return parley().chats().getChat(chatId);
    }

    /** The number of chats in the store. */
    protected final long chatCount() {
        return store().chats().list(ChatFilter.ALL, PageRequest.first(1)).total();
    }

    /** The chat's messages as stored, oldest first. */
    protected final List<ChatMessage> storedMessages(long chatId) {
        return store().messages().list(chatId, null, null, 10_000);
    }

    /** Outbox items in a status, oldest first. */
    protected final List<OutboxItem> outbox(OutboxStatus status) {
        return store().outbox().list(status, 1_000);
    }

    /** Outbox items of a kind that are pending. */
    protected final List<OutboxItem> pending(String kind) {
        return outbox(OutboxStatus.PENDING).stream().filter(i -> i.kind().equals(kind)).toList();
    }

    /** Inserts a pending NEW_CHAT outbox item with a placeholder payload, created at {@link #T0}. */
    protected final OutboxItem outboxItem(@Nullable String key, Instant due) {
        return store().outbox().insert(OutboxItem.pending("NEW_CHAT", key, "{\"n\":1}", T0, due));
    }

    /** The ids of the items, in order. */
    protected static List<Long> ids(List<OutboxItem> items) {
        return items.stream().map(OutboxItem::id).toList();
    }

    /** Asserts that the call fails with a {@link ParleyException} of the code whose message names every hint. */
    protected static ParleyException assertFails(ErrorCode code, ThrowingCallable call, String... hints) {
        ParleyException e = catchThrowableOfType(ParleyException.class, call);
        assertThat(e).as("expected a ParleyException with code %s", code).isNotNull();
        assertThat(e.code()).as("error code of '%s'", e.getMessage()).isEqualTo(code);
        for (String hint : hints) {
            assertThat(e.getMessage()).as("the message should tell what to fix").containsIgnoringCase(hint);
        }
        return e;
    }
}
