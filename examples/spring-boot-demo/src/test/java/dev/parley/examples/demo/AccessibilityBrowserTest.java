package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.StartChat;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An axe-core scan of the widget (start form, conversation, rating) on a host page of another origin and of every
 * dashboard page finds no violation of impact "serious" or "critical".
 */
class AccessibilityBrowserTest extends EmbeddedWidgetTestBase {

    @Autowired
    Parley parley;

    @Test
    void theWidgetHasNoSeriousAccessibilityViolations() {
        visitor = Browser.start(temp.resolve("visitor"));
        visitor.open(SITE.origin() + "/");
        Browser in = visitor.inShadowOf(Widget.HOST);
        in.visible(By.cssSelector(".parley-launcher"));
        assertThat(Axe.seriousViolations(visitor)).as("closed widget").isEmpty();

        Widget widget = new Widget(visitor).openAt(SITE.origin() + "/");
        assertThat(Axe.seriousViolations(visitor)).as("start form").isEmpty();

        widget.fillStart("general", "Axel Able", "Where is my parcel?").submitStart();
        in.waitForText(Widget.VISITOR_MESSAGES, "Where is my parcel?");
        assertThat(Axe.seriousViolations(visitor)).as("conversation").isEmpty();
    }

    @Test
    void everyDashboardPageHasNoSeriousAccessibilityViolations() {
        admin = Browser.start(temp.resolve("admin"));
        admin.open(base() + "/parley/admin/");
        admin.visible(By.id("login-admin"));
        assertThat(Axe.seriousViolations(admin)).as("sign-in").isEmpty();

        Dashboard dashboard = new Dashboard(admin, base()).signIn("grace", "demo", "Grace Hopper");
        for (String page : new String[] {"chats", "analytics", "departments", "knowledge-base", "canned-responses",
                "webhooks", "emails"}) {
            dashboard.go(page);
            admin.find(By.cssSelector("#view[data-view='" + page + "'] > *"));
            assertThat(Axe.seriousViolations(admin)).as(page).isEmpty();
        }
        parley.chats().startChat(new StartChat("Dora Dashboard", null, null, "general", "Is the shop open today?"));
        dashboard.go("chats").openChatOf("Dora Dashboard");
        assertThat(Axe.seriousViolations(admin)).as("a conversation").isEmpty();
        dashboard.signOut();
    }
}
