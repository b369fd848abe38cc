package dev.parley.chat.mail;

import static dev.parley.chat.mail.Notifications.agentAvailable;
import static dev.parley.chat.mail.Notifications.newChat;
import static dev.parley.chat.mail.Notifications.offline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.chat.notification.AgentAvailableNotification;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MailNotifierTest {

    private static TestSmtp smtp;
    private MailNotifier notifier;

    @BeforeAll
    static void startSmtp() {
        smtp = TestSmtp.started();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.greenMail().purgeEmailFromAllMailboxes();
        notifier = new MailNotifier(smtp.settings().build());
    }

    @AfterEach
    void closeNotifier() {
        notifier.close();
    }

    @Test
    void newChatEmailReachesEveryRecipientWithSubjectAndBothBodies() throws Exception {
        notifier.deliver(newChat("Ada Lovelace", "Do you ship to <Mars>?", "admin@parley.test",
                "sales@parley.test"));

        List<MimeMessage> received = smtp.received();
        assertThat(received).hasSize(2);
        MimeMessage m = received.get(0);
        assertThat(Emails.to(m)).containsExactly("admin@parley.test", "sales@parley.test");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Parley Support <support@parley.test>");
        assertThat(Emails.subject(m)).isEqualTo("New chat from Ada Lovelace (Sales)");
        assertThat(Emails.header(m, MailNotifier.CHAT_ID_HEADER)).isEqualTo("42");
        assertThat(Emails.header(m, MailNotifier.KIND_HEADER)).isEqualTo("NEW_CHAT");
        assertThat(Emails.html(m)).contains("Ada Lovelace", "ada@visitor.test", "+44 20 7946 0000",
                "Do you ship to &lt;Mars&gt;?", "href=\"https://support.parley.test/admin/chats/42\"");
        assertThat(Emails.text(m)).contains("Do you ship to <Mars>?",
                "Open the chat: https://support.parley.test/admin/chats/42");
        assertThat(smtp.greenMail().getReceivedMessagesForDomain("parley.test")).hasSize(2);
    }

    @Test
    void offlineEmailListsEveryMessage() throws Exception {
        notifier.deliver(offline("Grace", 3, "admin@parley.test"));

        MimeMessage m = smtp.received().get(0);
        assertThat(Emails.subject(m)).isEqualTo("3 offline messages from Grace");
        assertThat(Emails.html(m)).containsSubsequence("message 1", "message 2", "message 3");
        assertThat(Emails.text(m)).containsSubsequence("message 1", "message 2", "message 3");
    }

    @Test
    void agentAvailableEmailGoesToTheVisitor() throws Exception {
        notifier.deliver(agentAvailable("Ada & Co", "ada@visitor.test"));

        MimeMessage m = smtp.received().get(0);
        assertThat(Emails.to(m)).containsExactly("ada@visitor.test");
        assertThat(Emails.subject(m)).isEqualTo("An agent is available to chat with you - Parley");
        assertThat(Emails.html(m)).contains("Hello,").doesNotContain("Ada");
    }

    @Test
    void aVisitorNameCraftedToInjectAHeaderAddsNeitherHeaderNorRecipientNorScript() throws Exception {
        String name = "<script>alert(1)</script>\r\nBcc: x@evil.test";

        notifier.deliver(newChat(name, "hello", "admin@parley.test"));

        assertThat(smtp.greenMail().getReceivedMessagesForDomain("evil.test")).isEmpty();
        List<MimeMessage> received = smtp.received();
        assertThat(received).hasSize(1);
        MimeMessage m = received.get(0);
        assertThat(Emails.rawHeaderNames(m)).noneMatch(h -> h.equalsIgnoreCase("Bcc"))
                .filteredOn(h -> h.equalsIgnoreCase("Subject")).hasSize(1);
        assertThat(m.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("admin@parley.test");
        assertThat(Emails.subject(m)).isEqualTo("New chat from <script>alert(1)</script> Bcc: x@evil.test (Sales)");
        assertThat(Emails.html(m)).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Emails.raw(m)).doesNotContainPattern("(?im)^bcc:");
    }

    @Test
    void namesInAnyScriptSurviveTheSubjectEncoding() throws Exception {
        notifier.deliver(newChat("Zoë 山田 \uD83D\uDE00", "こんにちは", "admin@parley.test"));

        MimeMessage m = smtp.received().get(0);
        assertThat(Emails.subject(m)).isEqualTo("New chat from Zoë 山田 \uD83D\uDE00 (Sales)");
        assertThat(Emails.raw(m)).contains("Subject: =?UTF-8?");
        assertThat(Emails.html(m)).contains("Zoë 山田", "こんにちは");
        assertThat(Emails.text(m)).contains("こんにちは");
    }

    @Test
    void recipientsThatAreNotOneBareAddressAreSkipped() throws Exception {
        notifier.deliver(newChat("Ada", "hi", "admin@parley.test", "x@evil.test\r\nBcc: y@evil.test",
                "Evil <z@evil.test>", "a@evil.test, b@evil.test", "admin@parley.test"));

        assertThat(smtp.greenMail().getReceivedMessagesForDomain("evil.test")).isEmpty();
        assertThat(smtp.received()).hasSize(1);
        assertThat(Emails.to(smtp.received().get(0))).containsExactly("admin@parley.test");
    }

    @Test
    void aNotificationWithNoValidRecipientFailsSoTheOutboxCanMarkIt() {
        AgentAvailableNotification n = agentAvailable("Ada", "ada@visitor.test\nBcc: x@evil.test");

        assertThatThrownBy(() -> notifier.deliver(n)).isInstanceOf(MessagingException.class)
                .hasMessageContaining("no valid recipient");
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void checkConnectionSaysHelloToARunningServer() throws Exception {
        notifier.checkConnection();

        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void whenTheServerIsDownDeliveryAndTheCheckFail() {
        try (MailNotifier down = new MailNotifier(smtp.settings().port(TestSmtp.freePort()).build())) {
            assertThatThrownBy(down::checkConnection).isInstanceOf(MessagingException.class);
            assertThatThrownBy(() -> down.deliver(newChat("Ada", "hi", "admin@parley.test")))
                    .isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void theConnectionKeptOpenBetweenEmailsIsReopenedWhenTheServerRestarted() throws Exception {
        try (TestSmtp own = TestSmtp.started(); MailNotifier n = new MailNotifier(own.settings().build())) {
            n.deliver(newChat("Ada", "first", "admin@parley.test"));
            n.deliver(newChat("Ada", "second", "admin@parley.test"));
            assertThat(own.received()).hasSize(2);

            own.stop();
            own.start();
            n.deliver(newChat("Ada", "third", "admin@parley.test"));

            assertThat(own.received()).hasSize(1);
            assertThat(Emails.text(own.received().get(0))).contains("third");
        }
    }

    @Test
    void implicitTlsChecksTheServerCertificate() {
        GreenMail smtps = new GreenMail(TestSmtp.setup(TestSmtp.freePort(), ServerSetup.PROTOCOL_SMTPS));
        smtps.start();
        try (MailNotifier tls = new MailNotifier(smtp.settings().port(smtps.getSmtps().getPort())
                .security(MailSecurity.SSL).build())) {
            assertThatThrownBy(tls::checkConnection).isInstanceOf(MessagingException.class)
                    .hasRootCauseInstanceOf(CertPathBuilderException.class);
            assertThatThrownBy(() -> tls.deliver(newChat("Ada", "hi", "admin@parley.test")))
                    .isInstanceOf(MessagingException.class);
            assertThat(smtps.getReceivedMessages()).isEmpty();
        } finally {
            smtps.stop();
        }
    }

    @Test
    void withStarttlsNothingIsSentInClearWhenTlsCannotBeStarted() {
        try (MailNotifier starttls = new MailNotifier(smtp.settings().security(MailSecurity.STARTTLS).build())) {
            assertThatThrownBy(() -> starttls.deliver(newChat("Ada", "hi", "admin@parley.test")))
                    .isInstanceOf(MessagingException.class);
        }
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    @Timeout(60)
    void aServerThatNeverAnswersTimesOutInsteadOfHoldingTheThread() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName(TestSmtp.HOST));
                MailNotifier hung = new MailNotifier(smtp.settings().port(silent.getLocalPort())
                        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(300)).build())) {

            assertThatThrownBy(hung::checkConnection).isInstanceOf(MessagingException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> hung.deliver(newChat("Ada", "hi", "admin@parley.test")))
                    .isInstanceOf(MessagingException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void withCredentialsTheNotifierLogsIn() throws Exception {
        smtp.greenMail().setUser("mailer@parley.test", "mailer", "test-only-password");
        try (MailNotifier withLogin = new MailNotifier(smtp.settings()
                        .credentials("mailer", "test-only-password").build());
                MailNotifier wrongLogin = new MailNotifier(smtp.settings()
                        .credentials("mailer", "wrong-password").build())) {
            withLogin.checkConnection();
            withLogin.deliver(newChat("Ada", "hi", "admin@parley.test"));

            assertThat(smtp.received()).hasSize(1);
            assertThatThrownBy(wrongLogin::checkConnection).isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> wrongLogin.deliver(newChat("Ada", "hi", "admin@parley.test")))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }
}
