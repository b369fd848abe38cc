package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.presence.Heartbeat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo in a real browser: a visitor and an admin chat live, a file is attached, the chat is resolved and rated,
 * analytics count it, and an offline visitor's messages produce one captured email.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.notifications.offline-batch-window=8s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserTest {

    private static final Path DATA = tempDirectory();

    @DynamicPropertySource
    static void dataUnderTemp(DynamicPropertyRegistry registry) {
        registry.add("demo.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Parley parley;

    @TempDir
    Path temp;

    private Browser visitor;
    private Browser admin;

    @AfterEach
    void closeBrowsers() {
        if (visitor != null) {
            visitor.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    @Order(1)
    void offlineVisitorsMessagesAreBatchedIntoOneCapturedEmail() {
        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openOn(base())
                .fillStart("technical", "Olivia Night", "My invoices page stays blank.")
                .submitStart();
        widget.in().visible(Widget.NOTICE);
        assertThat(widget.in().find(Widget.NOTICE).getText()).contains("No agents are online");
        widget.send("I tried two browsers.").send("Cleared the cache too.");
        visitor.screenshot("widget-offline");

        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signIn("ada", "demo", "Ada Lovelace").go("emails");
        String offlineEmail = "//li[contains(@class,'mail-item')]"
                + "[.//*[contains(@class,'mail-subject')][contains(., 'Olivia Night')]"
                + "[contains(translate(., 'OFFLINE', 'offline'), 'offline')]]";
        By oliviasOffline = By.xpath(offlineEmail);
        admin.until(d -> {
            admin.click(By.id("emails-refresh"));
            return !admin.all(oliviasOffline).isEmpty();
        });
        assertThat(admin.all(oliviasOffline)).hasSize(1);
        admin.click(By.xpath(offlineEmail + "//button"));
        admin.driver.switchTo().frame(admin.visible(By.id("email-frame")));
        String body = admin.find(By.tagName("body")).getText();
        admin.driver.switchTo().defaultContent();
        assertThat(body).contains("I tried two browsers.").contains("Cleared the cache too.");
        admin.screenshot("dashboard-emails");
        dashboard.signOut();
    }

    @Test
    @Order(2)
    void visitorAndAdminChatLiveAttachResolveRateAndAnalyticsCountIt() throws IOException {
        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signIn("ada", "demo", "Ada Lovelace");
        dashboard.go("analytics");
        long totalBefore = Long.parseLong(dashboard.statText("stat-total"));
        long todayBefore = todaysBar(admin);
        dashboard.go("chats");

        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openOn(base())
                .fillStart("sales", "Grace Visitor", "Hello! What does shipping to Norway cost?");
        widget.in().waitForText(Widget.SUGGESTIONS, "Shipping times and tracking");
        widget.submitStart();
        widget.in().waitForText(Widget.VISITOR_MESSAGES, "shipping to Norway");
        assertThat(widget.in().find(Widget.NOTICE).isDisplayed()).isFalse();

        dashboard.openChatOf("Grace Visitor");
        admin.waitForText(Dashboard.CONVERSATION_MESSAGES, "shipping to Norway");
        dashboard.reply("Hi Grace! Shipping to Norway is free over €100.");
        widget.in().waitForText(Widget.ADMIN_MESSAGES, "Shipping to Norway is free");

        widget.attach(samplePng(temp.resolve("desk-photo.png")));
        widget.waitForLoadedImage();
        WebElement adminImage = admin.visible(Dashboard.CONVERSATION_IMAGES);
        admin.until(d -> (Boolean) admin.script("return arguments[0].complete && arguments[0].naturalWidth > 0",
                adminImage));
        widget.send("Great, thanks — that's all!");
        admin.waitForText(Dashboard.CONVERSATION_MESSAGES, "that's all");
        visitor.screenshot("widget-conversation");
        admin.screenshot("dashboard-conversation");

        admin.click(By.id("chat-resolve"));
        admin.waitForText(By.id("conv-status"), "Resolved");
        widget.rate(5, "Quick and friendly");
        visitor.screenshot("widget-rated");
        admin.waitForText(By.cssSelector("#conv-rating blockquote"), "Quick and friendly");

        dashboard.filter("filter-rating", "5");
        admin.until(d -> admin.all(Dashboard.CHAT_ITEMS).size() == 1
                && admin.all(Dashboard.CHAT_ITEMS).get(0).getText().contains("Grace Visitor"));
        dashboard.filter("filter-rating", "");

        dashboard.go("analytics");
        admin.until(d -> Long.parseLong(dashboard.statText("stat-total")) == totalBefore + 1);
        assertThat(admin.all(By.cssSelector("#chart-daily rect.bar"))).hasSize(7);
        assertThat(todaysBar(admin)).isEqualTo(todayBefore + 1);
        WebElement fiveStars = admin.find(By.cssSelector("#chart-ratings rect.bar[data-label='5 ★']"));
        assertThat(Long.parseLong(fiveStars.getAttribute("data-value"))).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.statText("stat-rating")).contains("★");
        admin.screenshot("dashboard-analytics");

        dashboard.go("chats").openChatOf("Grace Visitor");
        admin.visible(Dashboard.CONVERSATION_IMAGES);
        admin.screenshot("dashboard");
        dashboard.signOut();
    }

    @Test
    @Order(3)
    void departmentsAndArticlesManagedInTheDashboardReachTheWidget() {
        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signIn("grace", "demo", "Grace Hopper");

        dashboard.go("departments");
        admin.waitForText(By.cssSelector("#departments-table tbody tr"), "Billing & Finance");
        admin.click(By.id("departments-new"));
        dashboard.fill("#departments-editor", "name", "Returns")
                .fill("#departments-editor", "description", "Sending things back")
                .fill("#departments-editor", "email", "returns@northwind.example");
        admin.click(By.id("departments-save"));
        admin.waitForText(By.cssSelector("#departments-table tbody tr"), "Returns");

        dashboard.go("knowledge-base");
        admin.click(By.id("articles-new"));
        dashboard.fill("#articles-editor", "title", "Returning a standing desk")
                .fill("#articles-editor", "category", "Orders")
                .fill("#articles-editor", "keywords", "return, desk, pickup")
                .fill("#articles-editor", "content", "We pick up desks for free within 30 days.");
        admin.click(By.cssSelector("#articles-editor input[name='isPublished']"));
        admin.click(By.id("articles-save"));
        admin.waitForText(By.cssSelector("#articles-table tbody tr"), "Returning a standing desk");
        admin.screenshot("dashboard-knowledge-base");

        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openOn(base())
                .fillStart("returns", "Rui Returns", "How do I return my desk?");
        widget.in().waitForText(Widget.SUGGESTIONS, "Returning a standing desk");
        visitor.screenshot("widget-start");
        dashboard.signOut();
    }

    @Test
    @Order(4)
    void aBusyDayOnTheDashboard() {
        parley.presence().heartbeat("grace", Heartbeat.onlineForAll());
        conversation("Tom Becker", "technical", ChatStatus.RESOLVED, 4, null,
                "The desk motor beeps three times and stops.",
                "That is the anti-collision check. Hold the down button for 10 seconds to reset it.");
        conversation("Lena Park", "finance", ChatStatus.CLOSED, 5, "Fast refund",
                "I was charged twice for order 5521.",
                "Sorry about that! The second charge is refunded; you will see it in 3 to 5 days.");
        conversation("Noah Smith", "general", ChatStatus.ACTIVE, null, null,
                "Can I change the delivery address of my order?",
                "Yes, until it ships. What is the new address?");
        conversation("Maya Lindqvist", "sales", ChatStatus.RESOLVED, 5, "Super helpful, thanks!",
                "Hi! Do you offer volume discounts? We are furnishing a new office with 12 standing desks.",
                "Hello Maya! Yes: from 10 desks you get 15% off, and delivery and assembly are free.",
                "Great. Can we mix the oak and walnut desktops?",
                "Of course. I have sent a quote with 6 of each to the address you gave us.",
                "Perfect, thank you!");
        parley.presence().goOffline("grace");
        parley.chats().startChat(new StartChat("Aiko Tanaka", "aiko@example.org", null, "sales",
                "Is the walnut desktop available in 160 cm?"));

        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signIn("ada", "demo", "Ada Lovelace");
        dashboard.openChatOf("Maya Lindqvist");
        admin.waitForText(Dashboard.CONVERSATION_MESSAGES, "Perfect, thank you!");
        assertThat(admin.all(Dashboard.CHAT_ITEMS).size()).isGreaterThanOrEqualTo(5);
        admin.script("document.getElementById('chat-list').scrollTop = 0");
        admin.screenshot("dashboard-busy-day");
        dashboard.go("analytics");
        admin.waitForText(By.cssSelector("#top-rated li"), "Maya Lindqvist");
        admin.screenshot("dashboard-analytics-busy-day");
        dashboard.signOut();
    }

    /** A chat whose lines alternate between the visitor (first) and Grace, then ends in the status and rating. */
    private void conversation(String visitorName, String department, ChatStatus finalStatus, Integer rating,
            String comment, String... lines) {
        PostedMessage first = parley.chats().startChat(new StartChat(visitorName, null, null, department, lines[0]));
        for (int i = 1; i < lines.length; i++) {
            if (i % 2 == 1) {
                parley.chats().postAdminMessage(AdminMessage.text(first.chat().id(), "grace", lines[i]));
            } else {
                parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), lines[i]));
            }
        }
        if (finalStatus != ChatStatus.ACTIVE) {
            parley.chats().updateChat(ChatUpdate.status(first.chat().id(), finalStatus));
        }
        if (rating != null) {
            parley.chats().rateChat(first.sessionId(), rating, comment);
        }
    }

    /** The value of the daily-volume chart's last bar (today). */
    private static long todaysBar(Browser browser) {
        List<WebElement> bars = browser.until(d -> {
            List<WebElement> found = browser.all(By.cssSelector("#chart-daily rect.bar"));
            return found.isEmpty() ? null : found;
        });
        return Long.parseLong(bars.get(bars.size() - 1).getAttribute("data-value"));
    }

    private static Path samplePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xEE, 0xF0, 0xFF));
        g.fillRect(0, 0, 240, 160);
        g.setColor(new Color(0x4F, 0x46, 0xE5));
        g.fillRoundRect(60, 40, 120, 70, 12, 12);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "demo-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
