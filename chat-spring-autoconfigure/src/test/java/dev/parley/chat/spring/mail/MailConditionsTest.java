package dev.parley.chat.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.chat.ChatService;
import dev.parley.chat.StartChat;
import dev.parley.chat.mail.MailNotifier;
import dev.parley.chat.mail.MailSecurity;
import dev.parley.chat.mail.MailSettings;
import dev.parley.chat.notification.LoggingNotifier;
import dev.parley.chat.notification.NotificationPort;
import dev.parley.chat.spring.ParleyAutoConfigurations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Email through chat-mail when an SMTP host is set, against a real SMTP server (GreenMail) on loopback. */
class MailConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with())
            .withPropertyValues("parley.store=memory");

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail smtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail mail = new GreenMail(setup);
        mail.start();
        return mail;
    }

    @Test
    void withAnSmtpHostNotificationsAreEmailedWithTheConfiguredSettings() {
        runner.withPropertyValues("parley.mail.host=smtp.example.test", "parley.mail.username=apikey",
                "parley.mail.password=not-a-real-password", "parley.mail.from-address=support@example.test",
                "parley.mail.from-name=Acme Support", "parley.mail.security=ssl",
                "parley.mail.dashboard-url=https://admin.example.test/chats/{chatId}",
                "parley.mail.branding.product-name=Acme", "parley.mail.branding.primary-color=teal",
                "parley.mail.read-timeout=5s").run(context -> {
                    assertThat(context.getBean(NotificationPort.class)).isInstanceOf(MailNotifier.class);
                    MailSettings s = context.getBean(MailSettings.class);
                    assertThat(s.host()).isEqualTo("smtp.example.test");
                    assertThat(s.port()).isEqualTo(465);
                    assertThat(s.security()).isEqualTo(MailSecurity.SSL);
                    assertThat(s.username()).isEqualTo("apikey");
                    assertThat(s.fromName()).isEqualTo("Acme Support");
                    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(s.chatUrl(42)).isEqualTo("https://admin.example.test/chats/42");
                    assertThat(s.branding().productName()).isEqualTo("Acme");
                    assertThat(s.toString()).doesNotContain("not-a-real-password");
                });
    }

    @Test
    void withoutAHostNotificationsAreOnlyLogged() {
        runner.run(context -> {
            assertThat(context.getBean(NotificationPort.class)).isInstanceOf(LoggingNotifier.class);
            assertThat(context).doesNotHaveBean(MailSettings.class);
        });
    }

    @Test
    void withoutChatMailNotificationsAreOnlyLoggedEvenWithAHost() {
        runner.withPropertyValues("parley.mail.host=smtp.example.test", "parley.mail.from-address=a@example.test")
                .withClassLoader(new FilteredClassLoader(MailNotifier.class)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(NotificationPort.class)).isInstanceOf(LoggingNotifier.class);
                });
    }

    @Test
    void aHostWithoutFromAddressStopsStartUpSayingWhatIsMissing() {
        runner.withPropertyValues("parley.mail.host=smtp.example.test").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("parley.mail.from-address");
        });
    }

    @Test
    void anApplicationsNotificationPortWinsOverMail() {
        runner.withPropertyValues("parley.mail.host=smtp.example.test", "parley.mail.from-address=a@example.test")
                .withUserConfiguration(OwnPort.class).run(context ->
                        assertThat(context.getBean(NotificationPort.class)).isSameAs(OwnPort.PORT));
    }

    @Test
    void aNewChatIsEmailedToTheAdminsAndTheHealthShowsTheServerUp() {
        int port = freePort();
        GreenMail smtp = smtp(port);
        try {
            runner.withPropertyValues("parley.mail.host=127.0.0.1", "parley.mail.port=" + port,
                    "parley.mail.security=none", "parley.mail.from-address=support@example.test",
                    "parley.admins[0].id=ana", "parley.admins[0].email=ana@example.test",
                    "parley.outbox.poll-interval=100ms").run(context -> {
                        context.getBean(ChatService.class)
                                .startChat(new StartChat("Ada", null, null, null, "Hello there"));

                        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length > 0);
                        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                                .isEqualTo("ana@example.test");
                        HealthIndicator health = context.getBean("parleyMailHealthIndicator", HealthIndicator.class);
                        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    });
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theMailHealthIsDownWhenTheServerDoesNotAnswer() {
        runner.withPropertyValues("parley.mail.host=127.0.0.1", "parley.mail.port=" + freePort(),
                "parley.mail.security=none", "parley.mail.from-address=support@example.test",
                "parley.mail.connect-timeout=2s").run(context -> {
                    HealthIndicator health = context.getBean("parleyMailHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPort {
        static final NotificationPort PORT = n -> { };

        @Bean
        NotificationPort ownPort() {
            return PORT;
        }
    }
}
