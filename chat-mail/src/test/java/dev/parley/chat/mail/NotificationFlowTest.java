package dev.parley.chat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.file.LocalFileStorage;
import dev.parley.chat.presence.DefaultPresenceTracker;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.memory.InMemoryChatStore;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core and the mail adapter together: what a visitor does produces the right emails, batched, escaped. */
class NotificationFlowTest {

    private static TestSmtp smtp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private MailNotifier mail;
    private Parley parley;

    @BeforeAll
    static void startSmtp() {
        smtp = TestSmtp.started();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void buildParley(@TempDir Path files) throws Exception {
        smtp.greenMail().purgeEmailFromAllMailboxes();
        mail = new MailNotifier(smtp.settings().build());
        parley = Parley.builder()
                .store(new InMemoryChatStore())
                .clock(clock)
                .settings(ParleySettings.DEFAULTS.withOfflineBatchWindow(Duration.ofMinutes(2)))
                .admins(AdminDirectory.of(List.of(
                        new Admin("ada", "Ada Admin", "ada@staff.test", "admin", Set.of()),
                        new Admin("bob", "Bob Sales", "bob@staff.test", "agent", Set.of("sales")),
                        new Admin("cy", "Cy Tech", "cy@staff.test", "agent", Set.of("technical")),
                        new Admin("dee", "Dee Without Mail", null, "agent", Set.of()))))
                .notificationPort(mail)
                .fileStorage(new LocalFileStorage(files, "/files"))
                .build();
    }

    @AfterEach
    void closeParley() {
        parley.close();
        mail.close();
    }

    @Test
    void aNewChatEmailsEveryAdminOfTheDepartmentAndTheDepartmentsAddress() throws Exception {
        long sales = parley.departments().get("sales").id();
        parley.departments().update(sales, new DepartmentDraft(null, null, null, "sales@support.test", null, null));

        PostedMessage first = parley.chats().startChat(new StartChat("Grace Visitor", "grace@visitor.test",
                "+44 20 7946 0000", "sales", "Do you ship to Mars?"));

        assertThat(smtp.received()).as("nothing is sent inside the visitor's request").isEmpty();
        assertThat(parley.outbox().dispatchDue()).isEqualTo(1);
        List<MimeMessage> received = smtp.received();
        assertThat(received).hasSize(3);
        MimeMessage m = received.get(0);
        assertThat(Emails.to(m)).containsExactlyInAnyOrder("ada@staff.test", "bob@staff.test", "sales@support.test");
        assertThat(Emails.subject(m)).isEqualTo("New chat from Grace Visitor (Sales)");
        assertThat(Emails.html(m)).contains("Grace Visitor", "grace@visitor.test", "+44 20 7946 0000", "Sales",
                "Do you ship to Mars?",
                "href=\"https://support.parley.test/admin/chats/" + first.chat().id() + "\"");
        assertThat(Emails.text(m)).contains("Do you ship to Mars?");
        assertThat(parley.chats().getChat(first.chat().id()).emailNotificationSent()).isTrue();
    }

    @Test
    void twentyMessagesWhileNobodyIsOnlineBecomeOneEmailListingAllOfThem() throws Exception {
        PostedMessage first = parley.chats().startChat(new StartChat("Grace", null, null, "general", "Hello?"));
        parley.outbox().dispatchDue();
        for (int i = 1; i <= 20; i++) {
            clock.advance(Duration.ofSeconds(3));
            parley.chats().postVisitorMessage(VisitorMessage.text(first.chat().sessionId(), note(i)));
        }

        assertThat(parley.outbox().dispatchDue()).as("the batch window is still open").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(parley.outbox().dispatchDue()).isEqualTo(1);

        MimeMessage m = theOfflineEmail();
        assertThat(Emails.to(m)).containsExactly("ada@staff.test");
        assertThat(Emails.subject(m)).isEqualTo("20 offline messages from Grace");
        String[] notes = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(this::note).toArray(String[]::new);
        assertThat(Emails.html(m)).containsSubsequence(notes);
        assertThat(Emails.text(m)).containsSubsequence(notes);
        assertThat(Emails.html(m).split("<li ", -1)).hasSize(21);
        assertThat(parley.chats().getChat(first.chat().id()).offlineNotificationSent()).isTrue();
        assertThat(parley.outbox().stats().sent()).isEqualTo(2);
        assertThat(parley.outbox().stats().pending()).isZero();
    }

    @Test
    void aFloodOfMessagesWhileNobodyIsOnlineListsTheFirstFiftyAndSaysHowManyMore() throws Exception {
        PostedMessage first = parley.chats().startChat(new StartChat("Grace", null, null, "general", "Hello?"));
        parley.outbox().dispatchDue();
        for (int i = 1; i <= 80; i++) {
            clock.advance(Duration.ofMillis(500));
            parley.chats().postVisitorMessage(VisitorMessage.text(first.chat().sessionId(), note(i)));
        }
        clock.advance(Duration.ofMinutes(2));
        assertThat(parley.outbox().dispatchDue()).isEqualTo(1);

        MimeMessage m = theOfflineEmail();
        assertThat(Emails.subject(m)).isEqualTo("80 offline messages from Grace");
        String[] listed = java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(this::note).toArray(String[]::new);
        assertThat(Emails.html(m)).containsSubsequence(listed).doesNotContain(note(51))
                .contains("and 30 more messages — <a href=\"https://support.parley.test/admin/chats/"
                        + first.chat().id() + "\"");
        assertThat(Emails.html(m).split("<li ", -1)).hasSize(51);
        assertThat(Emails.text(m)).containsSubsequence(listed).doesNotContain(note(51))
                .contains("and 30 more messages — open the chat to read them all");
        assertThat(parley.chats().getChat(first.chat().id()).offlineNotificationSent()).isTrue();
    }

    /** The one offline-messages email received. */
    private MimeMessage theOfflineEmail() throws Exception {
        List<MimeMessage> offline = smtp.received().stream()
                .filter(m -> Emails.header(m, MailNotifier.KIND_HEADER).equals("OFFLINE_MESSAGES")).toList();
        assertThat(offline).hasSize(1);
        return offline.get(0);
    }

    private String note(int i) {
        return String.format("note #%02d", i);
    }

    @Test
    void aWaitingVisitorIsToldByEmailWhenAnAgentComesOnline() throws Exception {
        PostedMessage first = parley.chats().startChat(new StartChat("Grace", "grace@visitor.test", null,
                "technical", "My app crashes", true));
        parley.outbox().dispatchDue();
        smtp.greenMail().purgeEmailFromAllMailboxes();

        parley.presence().heartbeat("cy", new Heartbeat(true, "technical", "socket-1"));
        assertThat(parley.outbox().dispatchDue()).isEqualTo(1);

        List<MimeMessage> received = smtp.received();
        assertThat(received).hasSize(1);
        assertThat(Emails.to(received.get(0))).containsExactly("grace@visitor.test");
        assertThat(Emails.subject(received.get(0))).isEqualTo("An agent is available to chat with you - Parley");
        List<ChatMessage> messages = parley.chats().readChat(first.chat().sessionId(), null).messages();
        assertThat(messages).filteredOn(msg -> msg.sender() == Sender.SYSTEM)
                .extracting(ChatMessage::message).containsExactly(DefaultPresenceTracker.AGENT_AVAILABLE);
    }

    @Test
    void markupAVisitorTypesIsEscapedInTheEmail() throws Exception {
        parley.chats().startChat(new StartChat("<script>alert(1)</script>", null, null, "general",
                "<img src=x onerror=alert(2)>"));
        parley.outbox().dispatchDue();

        MimeMessage m = smtp.received().get(0);
        assertThat(Emails.subject(m)).isEqualTo("New chat from <script>alert(1)</script> (General Support)");
        assertThat(Emails.html(m)).doesNotContain("<script", "<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src&#61;x onerror&#61;alert(2)&gt;");
    }

    @Test
    void aNameWithALineBreakIsRefusedBeforeAnythingIsQueued() {
        assertThatThrownBy(() -> parley.chats().startChat(new StartChat(
                "<script>alert(1)</script>\r\nBcc: x@evil.test", null, null, "general", "hi")))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
        assertThat(parley.outbox().stats().pending()).isZero();
    }
}
