package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Internal notes and transfer in the dashboard, with two admins signed in at once: ada adds a note in note mode and
 * transfers the chat to grace with another note; grace's dashboard shows it live as hers, with the note, labelled
 * unlike any reply; ada's view follows; the visitor's widget shows the system message and never a note.
 */
class TransferBrowserTest extends EmbeddedWidgetTestBase {

    private static final String VISITOR = "Tove Transfer";
    private static final String FIRST_NOTE = "Regular customer, ordered twice";
    private static final String TRANSFER_NOTE = "Needs the warranty team: frame number FX-1182";
    private static final By NOTES = By.cssSelector("#conv-messages .msg.note");

    @Autowired
    Parley parley;

    Browser grace;

    @AfterEach
    void cleanUp() {
        if (grace != null) {
            grace.close();
        }
        parley.chats().listChats(new ChatFilter(null, null, null, null, VISITOR), PageRequest.first(10)).items()
                .stream().filter(s -> s.chat().status() != ChatStatus.RESOLVED)
                .forEach(s -> parley.chats().updateChat(ChatUpdate.status(s.chat().id(), ChatStatus.RESOLVED)));
    }

    @Test
    void adaTransfersAChatToGraceWithANote() {
        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openAt(SITE.origin() + "/")
                .fillStart("general", VISITOR, "My bike's frame has a crack.")
                .submitStart();

        admin = Browser.start(temp.resolve("ada"));
        Dashboard ada = new Dashboard(admin, base()).signIn("ada", "demo", "Ada Lovelace");
        grace = Browser.start(temp.resolve("grace"));
        new Dashboard(grace, base()).signIn("grace", "demo", "Grace Hopper");
        ada.openChatOf(VISITOR);

        admin.click(By.id("reply-note"));
        admin.type(By.id("reply-text"), FIRST_NOTE);
        admin.click(By.id("reply-send"));
        WebElement note = admin.waitForText(NOTES, FIRST_NOTE);
        assertThat(note.getText()).contains("INTERNAL NOTE").contains("Ada Lovelace");
        assertThat(admin.all(By.cssSelector("#conv-messages .msg.from-admin"))).isEmpty();

        admin.click(By.id("chat-transfer"));
        admin.visible(By.id("transfer-dialog"));
        new Select(admin.find(By.id("transfer-admin"))).selectByValue("grace");
        admin.type(By.id("transfer-note"), TRANSFER_NOTE);
        assertThat(Axe.seriousViolations(admin)).as("the transfer dialog").isEmpty();
        admin.screenshot("dashboard-transfer-dialog");
        admin.click(By.id("transfer-submit"));

        // grace, without reloading: the chat is listed as hers, and opening it shows both notes
        grace.waitForText(Dashboard.CHAT_ITEMS, VISITOR);
        grace.until(d -> notStale(() -> grace.all(Dashboard.CHAT_ITEMS).stream().anyMatch(
                i -> i.getText().contains(VISITOR) && i.getText().contains("→ Grace Hopper"))));
        grace.click(By.xpath("//li[contains(@class,'chat-item')][.//*[contains(@class,'visitor-name')][.='"
                + VISITOR + "']]//a"));
        grace.waitForText(By.id("conv-visitor"), VISITOR);
        grace.waitForText(NOTES, TRANSFER_NOTE);
        grace.waitForText(NOTES, FIRST_NOTE);
        grace.waitForText(By.cssSelector("#conv-messages .msg.from-system"), "Transferred");
        grace.until(d -> assignee(grace).equals("grace"));

        // ada's open conversation follows
        admin.waitForText(NOTES, TRANSFER_NOTE);
        admin.until(d -> assignee(admin).equals("grace"));
        assertThat(Axe.seriousViolations(admin)).as("a conversation with internal notes").isEmpty();
        admin.screenshot("dashboard-internal-notes");

        // the visitor sees that the chat moved, and no note, neither live nor after reading the chat again
        By system = By.cssSelector(".parley-msg[data-sender='SYSTEM'] .parley-bubble");
        widget.in().waitForText(system, "Transferred to Grace");
        assertThat(visitorText(widget)).doesNotContain(TRANSFER_NOTE).doesNotContain(FIRST_NOTE);
        widget.openAt(SITE.origin() + "/");
        widget.in().waitForText(system, "Transferred to Grace");
        assertThat(visitorText(widget)).doesNotContain(TRANSFER_NOTE).doesNotContain(FIRST_NOTE);
    }

    /** The admin the open conversation's details name as its assignee ("" while re-rendered). */
    private static String assignee(Browser browser) {
        String value = notStale(() -> new Select(browser.find(By.id("chat-assignee"))).getFirstSelectedOption()
                .getAttribute("value"));
        return value == null ? "" : value;
    }

    /** The condition's value, or null when the dashboard re-rendered the elements it read (then it is asked again). */
    private static <T> T notStale(Supplier<T> condition) {
        try {
            return condition.get();
        } catch (StaleElementReferenceException rerendered) {
            return null;
        }
    }

    private static String visitorText(Widget widget) {
        return widget.in().find(By.cssSelector(".parley-messages")).getText();
    }
}
