package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.MessageType;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.Sender;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The store SPI for chats: every field survives a round trip; lookups, locks, listing and bulk moves. */
public abstract class ChatRecordsContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected ChatRecordsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private static String sid(char c) {
        return String.valueOf(c).repeat(32);
    }

    private Chat insert(char session, Instant createdAt, ChatStatus status, String department) {
        return store().chats().insert(Chat.builder().sessionId(sid(session)).visitorName("Visitor " + session)
                .department(department).status(status).createdAt(createdAt).updatedAt(createdAt).build());
    }

    private static Chat fullyFilled(long id) {
        Instant t = T0.plusSeconds(1);
        return Chat.builder().id(id).sessionId(sid('F')).visitorName("Zoë O'Brien <script>")
                .visitorEmail("zoe@example.org").visitorPhone("+49 (30) 123-456").department("sales")
                .assignedTo("alice").status(ChatStatus.RESOLVED).createdAt(T0).updatedAt(t.plusSeconds(300))
                .firstResponseAt(t.plusSeconds(60)).resolvedAt(t.plusSeconds(300)).responseTime(61L)
                .resolutionTime(301L).rating(4).ratingComment("Fine.\nThanks").offlineMessage(true)
                .offlineNotificationSent(true).emailNotificationSent(true)
                .analytics(new ChatAnalytics(5, 3, 2, 2, 70, 50L, 20L, T0.plusSeconds(200), T0, t.plusSeconds(250)))
                .build();
    }

    @Test
    void everyFieldSurvivesInsertAndUpdate() {
        Chat inserted = store().chats().insert(fullyFilled(0));
        assertThat(inserted.id()).isPositive();
        Chat expected = fullyFilled(inserted.id());
        assertThat(inserted).isEqualTo(expected);
        assertThat(store().chats().find(inserted.id())).contains(expected);
        assertThat(store().chats().findBySessionId(sid('F'))).contains(expected);

        Chat cleared = Chat.builder().id(inserted.id()).sessionId(sid('F')).visitorName("Zoë")
                .department("general").status(ChatStatus.ACTIVE).createdAt(T0).updatedAt(T0.plusSeconds(999))
                .build();
        store().chats().update(cleared);
        assertThat(store().chats().find(inserted.id())).contains(cleared);
    }

    @Test
    void idsAreDistinctAndLookupsOfUnknownChatsAreEmpty() {
        Chat a = insert('a', T0, ChatStatus.ACTIVE, "general");
        Chat b = insert('b', T0, ChatStatus.ACTIVE, "general");
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(store().chats().find(a.id() + b.id() + 1000)).isEmpty();
        assertThat(store().chats().findBySessionId(sid('z'))).isEmpty();
        assertThat(store().chats().lock(a.id() + b.id() + 1000)).isEmpty();
        assertThat(store().chats().lockBySessionId(sid('z'))).isEmpty();
    }

    @Test
    void lockingAnswersTheStoredChatInsideATransaction() {
        Chat a = insert('a', T0, ChatStatus.ACTIVE, "general");
        assertThat(store().transactions().inTransaction(() -> store().chats().lock(a.id()))).contains(a);
        assertThat(store().transactions().inTransaction(() -> store().chats().lockBySessionId(sid('a'))))
                .contains(a);
    }

    @Test
    void findByStatusAnswersOldestFirstAndFiltersByDepartment() {
        Chat late = insert('l', T0.plusSeconds(20), ChatStatus.WAITING, "general");
        Chat early = insert('e', T0, ChatStatus.WAITING, "sales");
        Chat middle = insert('m', T0.plusSeconds(10), ChatStatus.WAITING, "general");
        insert('x', T0, ChatStatus.ACTIVE, "general");

        assertThat(store().chats().findByStatus(ChatStatus.WAITING, null)).extracting(Chat::id)
                .containsExactly(early.id(), middle.id(), late.id());
        assertThat(store().chats().findByStatus(ChatStatus.WAITING, "general")).extracting(Chat::id)
                .containsExactly(middle.id(), late.id());
        assertThat(store().chats().findByStatus(ChatStatus.CLOSED, null)).isEmpty();
    }

    @Test
    void countAndMoveByDepartment() {
        insert('a', T0, ChatStatus.ACTIVE, "sales");
        insert('b', T0, ChatStatus.CLOSED, "sales");
        Chat other = insert('c', T0, ChatStatus.ACTIVE, "general");

        assertThat(store().chats().countByDepartment("sales")).isEqualTo(2);
        assertThat(store().chats().moveDepartment("sales", "technical")).isEqualTo(2);
        assertThat(store().chats().countByDepartment("sales")).isZero();
        assertThat(store().chats().countByDepartment("technical")).isEqualTo(2);
        assertThat(store().chats().findBySessionId(sid('a'))).map(Chat::department).contains("technical");
        assertThat(store().chats().find(other.id())).contains(other);
        assertThat(store().chats().moveDepartment("nothing-here", "general")).isZero();
    }

    @Test
    void listingIsMostRecentlyUpdatedFirstThenHighestIdWithTheLatestMessage() {
        Chat a = insert('a', T0, ChatStatus.ACTIVE, "general");
        Chat b = insert('b', T0, ChatStatus.ACTIVE, "general");
        Chat c = insert('c', T0, ChatStatus.ACTIVE, "general");
        store().chats().update(a.edit().updatedAt(T0.plus(Duration.ofMinutes(5))).build());
        ChatMessage first = message(b.id(), "first", T0);
        ChatMessage last = message(b.id(), "last", T0);

        Page<ChatSummary> page = store().chats().list(ChatFilter.ALL, PageRequest.first(10));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(s -> s.chat().id()).containsExactly(a.id(), c.id(), b.id());
        assertThat(page.items().get(2).lastMessage()).isEqualTo(last).isNotEqualTo(first);
        assertThat(page.items().get(1).lastMessage()).isNull();
    }

    @Test
    void listingPagesThroughEveryChatOnce() {
        for (char c = 'a'; c < 'a' + 7; c++) {
            insert(c, T0.plusSeconds(c), ChatStatus.ACTIVE, "general");
        }
        Page<ChatSummary> p0 = store().chats().list(ChatFilter.ALL, new PageRequest(0, 3));
        Page<ChatSummary> p1 = store().chats().list(ChatFilter.ALL, new PageRequest(1, 3));
        Page<ChatSummary> p2 = store().chats().list(ChatFilter.ALL, new PageRequest(2, 3));
        Page<ChatSummary> p3 = store().chats().list(ChatFilter.ALL, new PageRequest(3, 3));

        assertThat(p0.items()).hasSize(3);
        assertThat(p1.items()).hasSize(3);
        assertThat(p2.items()).hasSize(1);
        assertThat(p3.items()).isEmpty();
        assertThat(p3.total()).isEqualTo(7);
        assertThat(p0.totalPages()).isEqualTo(3);
        assertThat(p0.page()).isZero();
        assertThat(p1.page()).isEqualTo(1);
        assertThat(java.util.stream.Stream.of(p0, p1, p2).flatMap(p -> p.items().stream())
                .map(s -> s.chat().sessionId())).containsExactly(sid('g'), sid('f'), sid('e'), sid('d'), sid('c'),
                        sid('b'), sid('a'));
    }

    @Test
    void listingFiltersByEveryCriterionTogether() {
        Chat match = store().chats().insert(Chat.builder().sessionId(sid('m')).visitorName("Grace Hopper")
                .visitorEmail("grace@navy.example").department("sales").assignedTo("bob")
                .status(ChatStatus.RESOLVED).rating(5).createdAt(T0).build());
        store().chats().insert(match.edit().sessionId(sid('n')).rating(4).build());
        store().chats().insert(match.edit().sessionId(sid('o')).assignedTo("alice").build());
        store().chats().insert(match.edit().sessionId(sid('p')).department("general").build());
        store().chats().insert(match.edit().sessionId(sid('q')).status(ChatStatus.CLOSED).build());
        store().chats().insert(match.edit().sessionId(sid('r')).visitorName("Someone").visitorEmail(null).build());

        Page<ChatSummary> page = store().chats().list(
                new ChatFilter(ChatStatus.RESOLVED, "sales", "bob", 5, "grace"), PageRequest.first(10));

        assertThat(page.items()).extracting(s -> s.chat().id()).containsExactly(match.id());
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void textFilterLooksInNameEmailAndMessagesIgnoringCase() {
        Chat byName = insert('a', T0, ChatStatus.ACTIVE, "general");
        Chat byEmail = store().chats().insert(Chat.builder().sessionId(sid('b')).visitorName("B")
                .visitorEmail("Invoice.Person@example.org").createdAt(T0).build());
        Chat byMessage = insert('c', T0, ChatStatus.ACTIVE, "general");
        message(byMessage.id(), "My INVOICE is wrong", T0);
        Chat none = insert('d', T0, ChatStatus.ACTIVE, "general");
        message(none.id(), "Something else", T0);
        store().chats().update(byName.edit().visitorName("Mrs Invoiceworth").build());

        Page<ChatSummary> page = store().chats().list(new ChatFilter(null, null, null, null, "invoice"),
                PageRequest.first(10));

        assertThat(page.items()).extracting(s -> s.chat().id())
                .containsExactlyInAnyOrder(byName.id(), byEmail.id(), byMessage.id());
    }

    private ChatMessage message(long chatId, String text, Instant at) {
        return store().messages().insert(new ChatMessage(0, chatId, Sender.VISITOR, null, text, MessageType.TEXT,
                null, null, null, at, null));
    }
}
