package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.chat.StartChat;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.webhook.WebhookService;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's webhooks page: an endpoint created there against a local receiver shows its secret once (the one
 * the receiver's signatures verify with), its delivery is listed with the attempt (status, duration, the answer's
 * first bytes), and sent again with the same webhook-id; disabling it shows.
 */
class WebhooksBrowserTest extends EmbeddedWidgetTestBase {

    private static final By ROWS = By.cssSelector("#webhooks-table tbody tr");
    private static final By DELIVERY = By.cssSelector("#deliveries-table tr.delivery");
    private static final By ATTEMPTS = By.cssSelector("#deliveries-table tr.delivery .attempt");

    @Autowired
    Parley parley;

    @Autowired
    WebhookService webhooks;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void removeEndpoints() {
        receiver.close();
        webhooks.list().stream().map(WebhookEndpoint::id).forEach(webhooks::delete);
    }

    @Test
    void aWebhookIsCreatedItsDeliveryListedAndSentAgain() {
        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signIn("ada", "demo", "Ada Lovelace").go("webhooks");
        admin.waitForText(ROWS, "No webhooks yet.");
        admin.click(By.id("webhooks-new"));
        dashboard.fill("#webhooks-editor", "url", receiver.url())
                .fill("#webhooks-editor", "description", "Opens a ticket");
        admin.click(By.id("webhooks-save"));
        String secret = admin.visible(By.id("webhook-secret")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(Axe.seriousViolations(admin)).as("the secret, shown once").isEmpty();
        admin.click(By.id("webhook-secret-done"));
        admin.waitForText(ROWS, receiver.url());
        assertThat(admin.find(ROWS).getText()).contains("chat.started").contains("Enabled").doesNotContain(secret);

        parley.chats().startChat(new StartChat("Wendy Hook", null, null, "general", "Is there a ticket for this?"));
        awaitReceived(1);
        WebhookReceiver.Received first = receiver.received.get(0);
        assertThat(first.body()).contains("chat.started").contains("Wendy Hook");
        assertThat(first.signedWith(secret)).as(first.signature()).isTrue();

        admin.click(By.cssSelector("#webhooks-table button[data-action='deliveries']"));
        waitForAttempts(1);
        String row = admin.waitForText(DELIVERY, "chat.started").getText();
        assertThat(row).contains(first.id()).contains("SENT").contains("200").contains(" ms")
                .contains(WebhookReceiver.ANSWER);
        assertThat(Axe.seriousViolations(admin)).as("deliveries").isEmpty();
        admin.screenshot("dashboard-webhooks");

        admin.click(By.cssSelector("#deliveries-table button[data-action='resend']"));
        awaitReceived(2);
        assertThat(receiver.received.get(1).id()).isEqualTo(first.id());
        assertThat(receiver.received.get(1).signedWith(secret)).isTrue();
        waitForAttempts(2);

        admin.click(By.cssSelector("#webhooks-table button[data-action='toggle']"));
        admin.waitForText(ROWS, "Disabled");
        assertThat(webhooks.list()).singleElement().satisfies(e -> assertThat(e.enabled()).isFalse());
    }

    /** Waits until the receiver has this many requests; says what Parley recorded if it does not. */
    private void awaitReceived(int count) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == count);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("received " + receiver.received + "; endpoints " + webhooks.list()
                    + "; deliveries " + webhooks.list().stream().map(w -> webhooks.deliveries(w.id(), 10)).toList(), e);
        }
    }

    /** Refreshes the deliveries until they show this many attempts (the attempt is recorded after the answer). */
    private void waitForAttempts(int count) {
        admin.until(d -> {
            if (admin.all(ATTEMPTS).size() == count) {
                return true;
            }
            admin.click(By.id("deliveries-refresh"));
            return false;
        });
    }
}
