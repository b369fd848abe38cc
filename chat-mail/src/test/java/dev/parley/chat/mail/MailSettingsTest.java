package dev.parley.chat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings.Builder minimal() {
        return MailSettings.builder().fromAddress("support@parley.test");
    }

    @Test
    void aFromAddressIsAllThatIsNeededForTheDefaults() {
        MailSettings s = minimal().build();

        assertThat(s.host()).isEqualTo("localhost");
        assertThat(s.security()).isEqualTo(MailSecurity.STARTTLS);
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.username()).isNull();
        assertThat(s.fromName()).isEqualTo("Parley");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.dashboardUrl()).isEqualTo("http://localhost:8080/admin");
        assertThat(s.branding()).isEqualTo(MailBranding.DEFAULT);
        assertThat(s.templateLocation()).isNull();
    }

    @Test
    void withoutAFromAddressTheBuilderSaysWhatIsMissing() {
        assertThatThrownBy(() -> MailSettings.builder().build()).hasMessageContaining("fromAddress");
    }

    @Test
    void anUnsetPortFollowsTheSecurity() {
        assertThat(minimal().security(MailSecurity.SSL).build().port()).isEqualTo(465);
        assertThat(minimal().security(MailSecurity.NONE).build().port()).isEqualTo(25);
        assertThat(minimal().security(MailSecurity.SSL).port(2465).build().port()).isEqualTo(2465);
    }

    @Test
    void theFromNameDefaultsToTheProductName() {
        MailSettings s = minimal().branding(new MailBranding("Acme Help", "teal", null)).build();

        assertThat(s.fromName()).isEqualTo("Acme Help");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        MailSettings s = minimal().credentials("mailer", "not-a-real-secret-42").build();

        assertThat(s.toString()).contains("username=mailer", "password=****").doesNotContain("not-a-real-secret-42");
    }

    @Test
    void aPasswordWithoutAUserIsDropped() {
        assertThat(minimal().credentials(" ", "x").build().password()).isNull();
    }

    @Test
    void valuesThatWouldEndUpInHeadersOrLinksAreChecked() {
        assertThatThrownBy(() -> minimal().fromAddress("support@parley.test\r\nBcc: x@evil.test").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromAddress");
        assertThatThrownBy(() -> minimal().fromAddress("Support <support@parley.test>").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromAddress");
        assertThatThrownBy(() -> minimal().fromName("Support\r\nBcc: x@evil.test").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromName");
        assertThatThrownBy(() -> minimal().host("smtp.parley.test\n").host("smtp\r\nx").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> minimal().dashboardUrl("javascript:alert(1)").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dashboardUrl");
        assertThatThrownBy(() -> minimal().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> minimal().timeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new MailBranding("Acme", "red;background:url(x)", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primaryColor");
        assertThatThrownBy(() -> new MailBranding("Acme", "#fff", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logoUrl");
    }

    @Test
    void theChatLinkReplacesThePlaceholderOrAddsAQueryParameter() {
        assertThat(minimal().dashboardUrl("https://x.test/admin/#/chats/{chatId}").build().chatUrl(12))
                .isEqualTo("https://x.test/admin/#/chats/12");
        assertThat(minimal().dashboardUrl("https://x.test/admin").build().chatUrl(12))
                .isEqualTo("https://x.test/admin?chat=12");
        assertThat(minimal().dashboardUrl("https://x.test/admin?tab=chats#top").build().chatUrl(12))
                .isEqualTo("https://x.test/admin?tab=chats&chat=12#top");
    }

    @Test
    void theSessionCarriesTheTimeoutsSoAHungServerCannotHoldTheDispatcher() {
        Properties p = MailNotifier.sessionProperties(minimal().host("smtp.parley.test")
                .timeouts(Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5)).build());

        assertThat(p.getProperty("mail.smtp.host")).isEqualTo("smtp.parley.test");
        assertThat(p.getProperty("mail.smtp.connectiontimeout")).isEqualTo("3000");
        assertThat(p.getProperty("mail.smtp.timeout")).isEqualTo("4000");
        assertThat(p.getProperty("mail.smtp.writetimeout")).isEqualTo("5000");
        assertThat(p.getProperty("mail.smtp.auth")).isEqualTo("false");
    }

    @Test
    void starttlsIsRequiredWhenChosenAndSslIsImplicitTls() {
        Properties starttls = MailNotifier.sessionProperties(minimal().credentials("u", "p").build());
        Properties ssl = MailNotifier.sessionProperties(minimal().security(MailSecurity.SSL).build());
        Properties none = MailNotifier.sessionProperties(minimal().security(MailSecurity.NONE).build());

        assertThat(starttls.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(starttls.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(starttls.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(starttls.getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(ssl.getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
        assertThat(ssl.getProperty("mail.smtp.port")).isEqualTo("465");
        assertThat(none.getProperty("mail.smtp.ssl.enable")).isNull();
        assertThat(none.getProperty("mail.smtp.starttls.enable")).isNull();
    }
}
