package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatNote;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.MessageType;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.WebhookEventType;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.analytics.AnalyticsReport;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.EventRecords;
import dev.parley.chat.webhook.WebhookRecorder;
import dev.parley.chat.webhook.WebhookSecret;
import dev.parley.chat.webhook.WebhookSettings;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Internal notes: admins see them, visitors never do, and a note is no reply (no first response, no status move,
 * not counted in the analytics).
 */
public abstract class NotesContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected NotesContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private ChatMessage note(long chatId, String adminId, String text) {
        return parley().chats().addNote(new ChatNote(chatId, adminId, text));
    }

    @Test
    void aNoteIsStoredForAdminsAndLeftOutOfTheVisitorsReads() {
        PostedMessage started = start("Ada", "My order is late");
        long id = started.chat().id();
        clock.advance(Duration.ofSeconds(5));
        ChatMessage note = note(id, "alice", "  VIP customer, be quick  ");
        visitor(started.sessionId(), "Hello?");

        assertThat(note.sender()).isEqualTo(Sender.ADMIN);
        assertThat(note.senderId()).isEqualTo("alice");
        assertThat(note.messageType()).isEqualTo(MessageType.NOTE);
        assertThat(note.message()).isEqualTo("VIP customer, be quick");
        assertThat(note.createdAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(parley().chats().messages(id, null)).extracting(ChatMessage::message)
                .containsExactly("My order is late", "VIP customer, be quick", "Hello?");
        assertThat(parley().chats().readChat(started.sessionId(), null).messages()).extracting(ChatMessage::message)
                .containsExactly("My order is late", "Hello?");
        long first = storedMessages(id).get(0).id();
        assertThat(parley().chats().readChat(started.sessionId(), new MessageCursor.AfterId(first)).messages())
                .extracting(ChatMessage::message).containsExactly("Hello?");
        assertThat(parley().chats().readChat(started.sessionId(), new MessageCursor.AfterTime(T0)).messages())
                .noneMatch(m -> m.messageType() == MessageType.NOTE);
    }

    @Test
    void aNoteIsNoResponseAndLeavesTheChatAsItWas() {
        long id = start("Ada", "Hi").chat().id();
        Chat before = chat(id);
        clock.advance(Duration.ofSeconds(30));
        note(id, "alice", "Checking the warehouse first");

        assertThat(chat(id)).isEqualTo(before);
        assertThat(chat(id).status()).isEqualTo(ChatStatus.WAITING);
        assertThat(chat(id).firstResponseAt()).isNull();

        clock.advance(Duration.ofSeconds(30));
        reply(id, "alice", "It ships today");
        Chat answered = chat(id);
        assertThat(answered.status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(answered.firstResponseAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(answered.responseTime()).isEqualTo(60L);
        assertThat(answered.analytics().totalMessages()).isEqualTo(2);
        assertThat(answered.analytics().adminMessages()).isEqualTo(1);
        assertThat(answered.analytics().longestResponseTime()).isEqualTo(60L);

        AnalyticsReport report = parley().analytics().calculate(new AnalyticsQuery(7, ZoneOffset.UTC));
        assertThat(report.summary().avgResponseTime()).isEqualTo(60.0);
        assertThat(report.summary().avgMessagesPerChat()).isEqualTo(2.0);
    }

    @Test
    void aNoteOnItsOwnRecordsNoFirstResponseInTheReport() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(10));
        note(id, "carol", "Nobody replied yet");

        AnalyticsReport report = parley().analytics().calculate(new AnalyticsQuery(7, ZoneOffset.UTC));
        assertThat(report.summary().avgResponseTime()).isNull();
        assertThat(report.summary().avgMessagesPerChat()).isEqualTo(1.0);
    }

    @Test
    void aNoteIsPublishedAndLoggedAsAMessageOfTheChat() {
        long id = start("Ada", "Hi").chat().id();
        events.clear();
        ChatMessage note = note(id, "alice", "Internal");

        assertThat(events.all()).singleElement().isInstanceOfSatisfying(ChatEvent.MessagePosted.class,
                e -> assertThat(e.message()).isEqualTo(note));
        var logged = store().events().after(0, EventRecords.MAX_BATCH);
        EventRecords.Logged last = logged.get(logged.size() - 1);
        assertThat(new EventCodec().decode(last.payload())).isInstanceOfSatisfying(ChatEvent.MessagePosted.class,
                e -> assertThat(e.message().messageType()).isEqualTo(MessageType.NOTE));
    }

    @Test
    void aClosedChatStillTakesNotes() {
        long id = start("Ada", "Hi").chat().id();
        status(id, ChatStatus.CLOSED);
        note(id, "alice", "Visitor called back by phone");
        assertThat(storedMessages(id)).last().extracting(ChatMessage::messageType).isEqualTo(MessageType.NOTE);
        assertThat(chat(id).status()).isEqualTo(ChatStatus.CLOSED);
    }

    @Test
    void badNotesAreRefusedAndStoreNothing() {
        long id = start("Ada", "Hi").chat().id();
        assertFails(ErrorCode.VALIDATION, () -> note(id, "alice", "   "), "message", "required");
        assertFails(ErrorCode.VALIDATION, () -> note(id, "alice", "x".repeat(5_001)), "5000");
        assertFails(ErrorCode.FORBIDDEN, () -> note(id, "mallory", "Hi"), "mallory");
        assertFails(ErrorCode.NOT_FOUND, () -> note(id + 1_000, "alice", "Hi"), "does not exist");
        assertThat(storedMessages(id)).hasSize(1);
    }

    @Test
    void nobodyPostsANoteAsAMessage() {
        PostedMessage started = start("Ada", "Hi");
        long id = started.chat().id();
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().postVisitorMessage(
                new VisitorMessage(started.sessionId(), "sneaky", MessageType.NOTE, null)), "NOTE", "notes");
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().postAdminMessage(
                new AdminMessage(id, "alice", "sneaky", MessageType.NOTE, null)), "NOTE", "notes");
        assertThat(storedMessages(id)).hasSize(1);
    }

    @Test
    void theMessageCreatedWebhookOfANoteSaysItIsInternal() {
        WebhookEndpoint e = store().webhooks().insertEndpoint(new WebhookEndpoint(0, "https://hooks.example.com/p",
                "CRM", Set.of(WebhookEventType.MESSAGE_CREATED), true, WebhookSecret.generate().value(), null, null,
                null, null, T0, T0));
        WebhookRecorder recorder = new WebhookRecorder(store().webhooks(), clock, WebhookSettings.DEFAULTS);
        try (Parley hooked = newParley(recorder.wrap(store()), ParleySettings.DEFAULTS)) {
            long id = hooked.chats().startChat(new StartChat("Ada", null, null, null, "Hi"))
                    .chat().id();
            hooked.chats().addNote(new ChatNote(id, "alice", "Internal only"));
        }
        assertThat(store().webhooks().listDeliveries(e.id(), 10)).hasSize(2)
                .first().satisfies(d -> assertThat(d.payload()).contains("Internal only", "\"internal\":true"));
        assertThat(store().webhooks().listDeliveries(e.id(), 10)).last()
                .satisfies(d -> assertThat(d.payload()).contains("\"internal\":false"));
    }
}
