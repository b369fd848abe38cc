package dev.parley.chat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.StartChat;
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

/**
 * The visitor's own email cannot be aimed at a stranger: it needs the visitor's opt-in, is capped per address and day,
 * and carries nothing the visitor typed. Real SMTP (GreenMail), the core with its in-memory store.
 */
class VisitorMailTest {

    private static final String ADDRESS = "stranger@visitor.test";
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
                .settings(ParleySettings.DEFAULTS.withVisitorEmailsPerDay(2))
                .admins(AdminDirectory.of(List.of(new Admin("cy", "Cy Tech", null, "agent", Set.of("technical")))))
                .notificationPort(mail)
                .fileStorage(new LocalFileStorage(files, "/files"))
                .build();
    }

    @AfterEach
    void closeParley() {
        parley.close();
        mail.close();
    }

    private void startChat(String email, boolean optIn) {
        parley.chats().startChat(new StartChat("Grace", email, null, "technical", "My app crashes", optIn));
    }

    /** Cy comes online (the waiting chats are told an agent is available) and the outbox sends what is due. */
    private List<MimeMessage> agentComesOnline() throws Exception {
        smtp.greenMail().purgeEmailFromAllMailboxes();
        parley.presence().heartbeat("cy", new Heartbeat(true, "technical", "socket-1"));
        parley.outbox().dispatchDue();
        return smtp.received();
    }

    @Test
    void aVisitorWhoDidNotAskForRepliesByEmailIsNeverEmailed() throws Exception {
        startChat(ADDRESS, false);

        assertThat(agentComesOnline()).isEmpty();
        assertThat(parley.outbox().stats().pending()).isZero();
    }

    @Test
    void aVisitorWhoAskedIsEmailedOnce() throws Exception {
        startChat(ADDRESS, true);

        List<MimeMessage> received = agentComesOnline();

        assertThat(received).hasSize(1);
        assertThat(Emails.to(received.get(0))).containsExactly(ADDRESS);
    }

    @Test
    void oneAddressGetsAtMostTheCapInTwentyFourHoursHoweverItIsSpelled() throws Exception {
        startChat(ADDRESS, true);
        startChat("Stranger@Visitor.test", true);
        startChat(" STRANGER@visitor.test ", true);
        startChat("other@visitor.test", true);

        List<MimeMessage> first = agentComesOnline();
        assertThat(first).extracting(m -> Emails.to(m).get(0).toLowerCase())
                .containsExactlyInAnyOrder(ADDRESS, ADDRESS, "other@visitor.test");

        parley.presence().goOffline("cy");
        clock.advance(Duration.ofHours(23));
        assertThat(agentComesOnline()).as("the cap is reached for this address until 24 hours have passed")
                .extracting(m -> Emails.to(m).get(0)).containsExactly("other@visitor.test");

        parley.presence().goOffline("cy");
        clock.advance(Duration.ofHours(2));
        assertThat(agentComesOnline()).extracting(m -> Emails.to(m).get(0).toLowerCase())
                .as("the first two are more than 24 hours old: two more are allowed")
                .containsExactlyInAnyOrder(ADDRESS, ADDRESS, "other@visitor.test");
    }

    @Test
    void nothingTheVisitorTypedIsInTheEmail() throws Exception {
        String name = "Your account is locked, pay at evil.test";
        parley.chats().startChat(new StartChat(name, ADDRESS, null, "technical",
                "Transfer 500 EUR to evil.test today", true));

        MimeMessage m = agentComesOnline().get(0);

        assertThat(Emails.subject(m)).doesNotContain("evil", "locked");
        assertThat(Emails.text(m).lines().findFirst()).hasValue("Hello,");
        assertThat(Emails.text(m)).doesNotContain("evil.test", "locked", "Transfer");
        assertThat(Emails.html(m)).doesNotContain("evil.test", "locked", "Transfer");
    }
}
