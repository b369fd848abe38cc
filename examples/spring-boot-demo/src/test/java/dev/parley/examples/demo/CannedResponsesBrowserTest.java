package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.CannedResponse;
import dev.parley.chat.StartChat;
import dev.parley.chat.canned.CannedResponses;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Canned responses in the dashboard: one is created on their page, another edited and one deleted there; in the
 * reply box "/ord" offers the matches (shortcut prefix first, then title, then text) in a listbox the keyboard
 * moves through, and Enter inserts the chosen one with the chat's values filled in as plain text, never markup.
 */
class CannedResponsesBrowserTest extends EmbeddedWidgetTestBase {

    private static final By ROWS = By.cssSelector("#canned-table tbody tr");
    private static final By OPTIONS = By.cssSelector("#canned-list [role='option']");
    private static final By REPLY = By.id("reply-text");

    @Autowired
    Parley parley;

    @AfterEach
    void removeResponses() {
        for (String admin : List.of("ada", "grace")) {
            parley.cannedResponses().list(admin).forEach(r -> parley.cannedResponses().delete(admin, r.id()));
        }
    }

    @Test
    void aCannedResponseIsManagedAndInsertedWithSlash() {
        CannedResponses canned = parley.cannedResponses();
        canned.create("ada", new CannedResponses.Draft("shipping", "Where is my order", "Tracking: {{agent.name}}.",
                CannedResponse.Scope.everyone()));
        canned.create("ada", new CannedResponses.Draft("refund", "Refunds", "Your order is refunded in 5 days.",
                CannedResponse.Scope.everyone()));
        canned.create("ada", new CannedResponses.Draft("obsolete", "Old", "Gone soon.",
                CannedResponse.Scope.everyone()));

        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signIn("ada", "demo", "Ada Lovelace").go("canned-responses");
        admin.waitForText(ROWS, "/refund");
        admin.click(By.id("canned-new"));
        dashboard.fill("#canned-editor", "shortcut", "order")
                .fill("#canned-editor", "title", "Order on its way")
                .fill("#canned-editor", "text",
                        "Hi {{visitor.name | \"there\"}}, {{agent.name}} of {{department.name}} here: it ships today.");
        admin.click(By.id("canned-save"));
        admin.waitForText(ROWS, "/order");

        admin.click(By.xpath("//table[@id='canned-table']//tr[.//code[.='/shipping']]//button[.='Edit']"));
        WebElement title = admin.visible(By.cssSelector("#canned-editor [name='title']"));
        title.clear();
        title.sendKeys("Where is my order now");
        admin.click(By.id("canned-save"));
        admin.waitForText(ROWS, "Where is my order now");

        admin.script("window.confirm = () => true");
        admin.click(By.xpath("//table[@id='canned-table']//tr[.//code[.='/obsolete']]//button[.='Delete']"));
        admin.until(d -> {
            try {
                return admin.all(ROWS).stream().noneMatch(r -> r.getText().contains("/obsolete"));
            } catch (StaleElementReferenceException rerendered) {
                return false;
            }
        });
        assertThat(Axe.seriousViolations(admin)).as("canned responses page").isEmpty();

        String visitor = "Ben <b>Bold</b>";
        parley.chats().startChat(new StartChat(visitor, null, null, "general", "Where is my desk?"));
        dashboard.go("chats").openChatOf(visitor);
        admin.type(REPLY, "/ord");
        admin.until(d -> admin.all(OPTIONS).size() == 3);
        assertThat(admin.all(OPTIONS).stream().map(o -> o.getAttribute("data-shortcut")))
                .containsExactly("order", "shipping", "refund");
        assertThat(admin.find(REPLY).getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(Axe.seriousViolations(admin)).as("the / picker").isEmpty();
        admin.screenshot("dashboard-canned-picker");

        admin.find(REPLY).sendKeys(Keys.ARROW_DOWN);
        admin.until(d -> "canned-option-1".equals(admin.find(REPLY).getAttribute("aria-activedescendant")));
        assertThat(admin.all(OPTIONS).get(1).getAttribute("aria-selected")).isEqualTo("true");
        admin.find(REPLY).sendKeys(Keys.ARROW_UP);
        admin.until(d -> "canned-option-0".equals(admin.find(REPLY).getAttribute("aria-activedescendant")));
        admin.find(REPLY).sendKeys(Keys.ENTER);

        String filled = "Hi Ben <b>Bold</b>, Ada Lovelace of General Support here: it ships today.";
        admin.until(d -> filled.equals(admin.find(REPLY).getAttribute("value")));
        assertThat(admin.find(By.id("canned-list")).isDisplayed()).isFalse();
        admin.find(REPLY).sendKeys(Keys.ENTER);
        WebElement sent = admin.waitForText(By.cssSelector("#conv-messages .msg.from-admin .msg-text"),
                "it ships today");
        assertThat(sent.getText()).isEqualTo(filled);
        assertThat(admin.all(By.cssSelector("#conv-messages .msg-text b"))).isEmpty();
    }
}
