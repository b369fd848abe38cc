package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.AssignmentMode;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.PageRequest;
import dev.parley.chat.StartChat;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.presence.Heartbeat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The visitor's place in the queue: a round-robin department whose admins have no room (capacity 0) keeps its
 * chats waiting, and the second visitor's widget says "You are number 2 in line" in a polite live region; once an
 * admin has room the queue drains and the widget names the agent who joined. The text is German with
 * {@code lang: 'de'} and the host's own with {@code texts}.
 */
class QueueBrowserTest extends EmbeddedWidgetTestBase {

    private static final By QUEUE = By.cssSelector(".parley-queue");
    private static final List<String> ADMINS = List.of("ada", "grace");

    @Autowired
    Parley parley;

    private String department;

    @AfterEach
    void restore() {
        ADMINS.forEach(a -> parley.assignment().setCapacity(a, null));
        if (department != null) {
            parley.assignment().setMode(department, AssignmentMode.MANUAL);
            parley.chats().listChats(new ChatFilter(null, department, null, null, null), PageRequest.first(50))
                    .items().forEach(s -> parley.chats().updateChat(
                            ChatUpdate.status(s.chat().id(), ChatStatus.RESOLVED)));
        }
    }

    @Test
    void theWidgetShowsThePlaceInTheQueueThenTheAgent() {
        ADMINS.forEach(a -> parley.assignment().setCapacity(a, 0));
        department = parley.departments().create(new DepartmentDraft("Warranty Claims",
                "warranty-" + Long.toString(System.nanoTime(), 36), null, null, true, 50)).slug();
        parley.assignment().setMode(department, AssignmentMode.ROUND_ROBIN);
        parley.presence().heartbeat("ada", Heartbeat.onlineForAll());
        parley.chats().startChat(new StartChat("Ola First", null, null, department, "My frame cracked."));

        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openAt(SITE.origin() + "/")
                .fillStart(department, "Pia Second", "My bell is broken.")
                .submitStart();
        widget.in().waitForText(QUEUE, "You are number 2 in line");
        assertThat(widget.in().find(QUEUE).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(widget.in().find(QUEUE).getAttribute("data-position")).isEqualTo("2");
        assertThat(Axe.seriousViolations(visitor)).as("the widget with its place in the queue").isEmpty();
        visitor.screenshot("widget-queue-position");

        visitor.script("Parley.init({lang: 'de'})");
        widget.in().click(By.cssSelector(".parley-launcher"));
        widget.in().waitForText(QUEUE, "Sie sind Nummer 2 in der Warteschlange");
        visitor.script("Parley.init({texts: {queue: 'Place {n} in the queue'}})");
        widget.in().click(By.cssSelector(".parley-launcher"));
        widget.in().waitForText(QUEUE, "Place 2 in the queue");

        parley.presence().heartbeat("ada", Heartbeat.onlineForAll());
        parley.assignment().setCapacity("ada", 5);
        widget.in().waitForText(QUEUE, "Ada Lovelace joined the chat");
        assertThat(widget.in().find(QUEUE).getAttribute("data-position")).isEmpty();
    }
}
