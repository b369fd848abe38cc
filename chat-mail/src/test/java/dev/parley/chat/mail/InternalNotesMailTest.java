package dev.parley.chat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.ChatNote;
import dev.parley.chat.ChatTransfer;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.file.LocalFileStorage;
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

/** Internal notes never reach a visitor by email, nor the offline-messages email, over real SMTP (GreenMail). */
class InternalNotesMailTest {

    private static final String NOTE = "INTERNAL-NOTE refund approved by finance";
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
                        new Admin("cy", "Cy Tech", "cy@staff.test", "agent", Set.of("technical")))))
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
    void anOfflineChatWithANoteSendsTheVisitorAnEmailWithoutIt() throws Exception {
        PostedMessage first = parley.chats().startChat(new StartChat("Grace", "grace@visitor.test", null,
                "general", "Is anyone there?", true));
        parley.chats().addNote(new ChatNote(first.chat().id(), "ada", NOTE));
        parley.chats().transferChat(new ChatTransfer(first.chat().id(), "ada", null, "technical", NOTE + " (2)"));
        clock.advance(Duration.ofSeconds(5));
        parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), "Still waiting"));
        clock.advance(Duration.ofMinutes(3));
        parley.outbox().dispatchDue();

        parley.presence().heartbeat("cy", new Heartbeat(true, "technical", "socket-1"));
        parley.outbox().dispatchDue();

        List<MimeMessage> received = smtp.received();
        List<MimeMessage> toVisitor = received.stream()
                .filter(m -> Emails.to(m).contains("grace@visitor.test")).toList();
        assertThat(toVisitor).as("the agent-available email").hasSize(1);
        assertThat(Emails.subject(toVisitor.get(0))).startsWith("An agent is available");
        assertThat(received).extracting(m -> Emails.header(m, MailNotifier.KIND_HEADER))
                .contains("NEW_CHAT", "OFFLINE_MESSAGES", "AGENT_AVAILABLE");
        for (MimeMessage m : received) {
            assertThat(Emails.raw(m)).as(Emails.subject(m)).doesNotContain("INTERNAL-NOTE");
            assertThat(Emails.html(m) + Emails.text(m)).as(Emails.subject(m)).doesNotContain("INTERNAL-NOTE");
        }
    }
}
