package dev.parley.chat.mail;

import static dev.parley.chat.mail.Notifications.agentAvailable;
import static dev.parley.chat.mail.Notifications.newChat;
import static dev.parley.chat.mail.Notifications.offline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.notification.NewChatNotification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTemplatesTest {

    private final MailSettings settings = MailSettings.builder()
            .fromAddress("support@parley.test")
            .dashboardUrl("https://support.parley.test/admin/chats/{chatId}")
            .branding(new MailBranding("Acme Help", "#ff6600", "https://cdn.parley.test/logo.png"))
            .build();

    private RenderedEmail render(dev.parley.chat.notification.Notification n) {
        return new MailTemplates(settings, TemplateLoader.none()).render(n);
    }

    @Test
    void newChatEmailShowsEveryDetailOfTheVisitorAndALinkToTheChat() {
        RenderedEmail email = render(newChat("Ada Lovelace", "Do you ship to Mars?", "a@parley.test"));

        assertThat(email.subject()).isEqualTo("New chat from Ada Lovelace (Sales)");
        assertThat(email.html())
                .contains("Ada Lovelace", "ada@visitor.test", "+44 20 7946 0000", "Sales", "Do you ship to Mars?",
                        "2026-03-02 09:15 UTC", "href=\"https://support.parley.test/admin/chats/42\"");
        assertThat(email.text())
                .contains("Name:       Ada Lovelace", "Email:      ada@visitor.test", "Phone:      +44 20 7946 0000",
                        "Department: Sales", "Do you ship to Mars?",
                        "Open the chat: https://support.parley.test/admin/chats/42");
    }

    @Test
    void everythingTheVisitorTypedIsEscapedInHtmlButKeptVerbatimInText() {
        String name = "<b onmouseover=\"x\">Ada</b> & 'co'";
        String message = "</div><script>alert(1)</script>\n<img src=x onerror=alert(2)> &lt;already&gt;";
        RenderedEmail email = render(newChat(name, message, "a@parley.test"));

        assertThat(email.html())
                .doesNotContain("<script", "<img src=x", "<b onmouseover", "&lt;already")
                .contains("&lt;b onmouseover&#61;&quot;x&quot;&gt;Ada&lt;/b&gt; &amp; &#39;co&#39;")
                .contains("&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&amp;lt;already&amp;gt;");
        assertThat(email.text()).contains(name, message);
    }

    @Test
    void missingEmailAndPhoneLeaveTheirRowsOut() {
        var n = new NewChatNotification(List.of("a@parley.test"), 5, "Ada", null, null, "general", "General Support",
                "Hi", Notifications.T0);
        RenderedEmail email = render(n);

        assertThat(email.html()).doesNotContain("mailto:", ">Phone<");
        assertThat(email.text()).doesNotContain("Email:", "Phone:");
    }

    @Test
    void offlineEmailListsEveryMessageWithItsTimeInOrder() {
        RenderedEmail email = render(offline("Grace", 3, "a@parley.test"));

        assertThat(email.subject()).isEqualTo("3 offline messages from Grace");
        assertThat(email.html()).containsSubsequence("09:16 UTC", "message 1", "09:17 UTC", "message 2",
                "09:18 UTC", "message 3");
        assertThat(email.html()).contains("href=\"https://support.parley.test/admin/chats/7\"");
        assertThat(email.text()).containsSubsequence("[2026-03-02 09:16 UTC]\nmessage 1",
                "[2026-03-02 09:17 UTC]\nmessage 2", "[2026-03-02 09:18 UTC]\nmessage 3");
    }

    @Test
    void anOfflineMessageWithOnlyAnAttachmentSaysSo() {
        var n = new dev.parley.chat.notification.OfflineMessagesNotification(List.of("a@parley.test"), 7, "Grace",
                null, "general", List.of(new dev.parley.chat.notification.OfflineMessagesNotification.Line(1, "",
                        Notifications.T0)));

        RenderedEmail email = render(n);

        assertThat(email.html()).contains("(sent a file or an image)");
        assertThat(email.text()).contains("(sent a file or an image)");
        assertThat(render(offline("Grace", 1, "a@parley.test")).text()).doesNotContain("sent a file");
    }

    @Test
    void offlineEmailOfAnOverfullBatchListsTheFirstFiftyAndSaysHowManyMore() {
        RenderedEmail email = render(offline("Grace", 87, "a@parley.test"));

        assertThat(email.subject()).isEqualTo("87 offline messages from Grace");
        assertThat(email.html().split("<li ", -1)).hasSize(51);
        assertThat(email.html()).containsSubsequence("message 1<", "message 50<",
                "and 37 more messages — <a href=\"https://support.parley.test/admin/chats/7\"", "open the chat</a>",
                "to read them all").doesNotContain("message 51");
        assertThat(email.text()).containsSubsequence("87 messages in the technical department",
                "message 50\n\nand 37 more messages — open the chat to read them all\n",
                "Reply in the dashboard: https://support.parley.test/admin/chats/7").doesNotContain("message 51");
    }

    @Test
    void oneMoreMessageIsNotCalledMessagesAndABatchThatFitsSaysNothingMore() {
        RenderedEmail email = render(offline("Grace", 51, "a@parley.test"));
        assertThat(email.html()).contains("and 1 more message — ");
        assertThat(email.text()).contains("and 1 more message — open the chat to read them all");

        RenderedEmail fits = render(offline("Grace", 50, "a@parley.test"));
        assertThat(fits.html()).doesNotContain("more message", "class=\"more\"");
        assertThat(fits.text()).doesNotContain("more message");
    }

    @Test
    void oneOfflineMessageIsNotCalledMessages() {
        assertThat(render(offline("Grace", 1, "a@parley.test")).subject()).isEqualTo("1 offline message from Grace");
    }

    @Test
    void agentAvailableEmailSpeaksToTheVisitor() {
        RenderedEmail email = render(agentAvailable("Ada", "ada@visitor.test"));

        assertThat(email.subject()).isEqualTo("An agent is available to chat with you - Acme Help");
        assertThat(email.html()).contains("Hello,", "started a chat with Acme Help")
                .doesNotContain("support.parley.test/admin", "Ada");
        assertThat(email.text()).startsWith("Hello,").doesNotContain("Ada");
    }

    @Test
    void brandingColoursEveryEmailAndShowsTheLogo() {
        RenderedEmail email = render(offline("Grace", 1, "a@parley.test"));

        assertThat(email.html()).contains("background:#ff6600", "src=\"https://cdn.parley.test/logo.png\"",
                "Acme Help");
    }

    @Test
    void aSubjectIsOneLineWhateverTheNameHolds() {
        RenderedEmail email = render(newChat("Eve\r\nBcc: x@evil.test\u2028\tX", "hi", "a@parley.test"));

        assertThat(email.subject()).isEqualTo("New chat from Eve Bcc: x@evil.test X (Sales)");
    }

    @Test
    void aDirectoryOfTheHostOverridesTemplatesFileByFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("new-chat.subject.mustache"), "[{{productName}}] {{visitorName}} is here");
        MailTemplates templates = new MailTemplates(settings.toBuilder().templateLocation(dir.toString()).build(),
                TemplateLoader.fromLocation(dir.toString()));

        RenderedEmail email = templates.render(newChat("Ada", "Hi", "a@parley.test"));

        assertThat(email.subject()).isEqualTo("[Acme Help] Ada is here");
        assertThat(email.html()).contains("New chat from Ada");
    }

    @Test
    void aClasspathPrefixOfTheHostOverridesTemplatesAndPartials() {
        MailTemplates templates = new MailTemplates(settings, TemplateLoader.fromLocation("classpath:custom-mail"));

        RenderedEmail email = templates.render(newChat("<Ada>", "Hi", "a@parley.test"));

        assertThat(email.html()).contains("<p class=\"custom\">Custom new chat: &lt;Ada&gt;</p>",
                "<footer>custom footer</footer>");
        assertThat(email.text()).contains("New chat from <Ada>");
    }

    @Test
    void aBrokenOverrideFailsWhenTheTemplatesAreLoaded(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("offline-messages.html.mustache"), "{{#messages}}never closed");

        assertThatThrownBy(() -> new MailTemplates(settings, TemplateLoader.directory(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offline-messages.html.mustache");
    }

    @Test
    void aDirectoryLoaderNeverReadsOutsideItsDirectory(@TempDir Path dir) throws IOException {
        Path inside = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(dir.resolve("secret.mustache"), "secret");

        assertThat(TemplateLoader.directory(inside).open("../secret.mustache")).isNull();
        assertThat(TemplateLoader.fromLocation("file:" + inside).open("../secret.mustache")).isNull();
    }
}
