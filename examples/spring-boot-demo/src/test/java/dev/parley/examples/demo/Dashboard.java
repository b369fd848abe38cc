package dev.parley.examples.demo;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The admin dashboard, as an admin uses it. */
final class Dashboard {

    static final By CHAT_ITEMS = By.cssSelector("#chat-list .chat-item");
    static final By CONVERSATION_MESSAGES = By.cssSelector("#conv-messages .msg .msg-text");
    static final By CONVERSATION_IMAGES = By.cssSelector("#conv-messages .msg-image");

    private final Browser browser;
    private final String baseUrl;

    Dashboard(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** Signs in and waits until the live stream is connected and the admin is listed as online. */
    Dashboard signIn(String adminId, String password, String displayName) {
        browser.open(baseUrl + "/parley/admin/");
        browser.type(By.id("login-admin"), adminId);
        browser.type(By.id("login-password"), password);
        browser.click(By.id("login-submit"));
        browser.visible(By.id("app"));
        browser.waitForText(By.id("stream-state"), "Live");
        browser.waitForText(By.cssSelector("#online-admins li"), displayName);
        return this;
    }

    /**
     * Opens the dashboard of a host with Spring Security's form login: its login page comes first, then the dashboard
     * with the session cookie; waits until the live stream is connected and the admin is listed as online.
     */
    Dashboard signInWithHostForm(String user, String password, String displayName) {
        browser.open(baseUrl + "/parley/admin/");
        FormLoginDashboardBrowserTest.hostLogin(browser, user, password);
        browser.visible(By.id("app"));
        browser.waitForText(By.id("stream-state"), "Live");
        browser.waitForText(By.cssSelector("#online-admins li"), displayName);
        return this;
    }

    void signOut() {
        browser.click(By.id("sign-out"));
        browser.visible(By.id("login"));
    }

    Dashboard go(String route) {
        browser.click(By.id("nav-" + route));
        browser.find(By.cssSelector("#view[data-view='" + route + "']"));
        return this;
    }

    /** Waits until the chat list shows a chat of this visitor (without reloading the page) and opens it. */
    Dashboard openChatOf(String visitorName) {
        browser.waitForText(CHAT_ITEMS, visitorName);
        browser.click(By.xpath("//li[contains(@class,'chat-item')][.//*[contains(@class,'visitor-name')][.='"
                + visitorName + "']]//a"));
        browser.waitForText(By.id("conv-visitor"), visitorName);
        return this;
    }

    Dashboard reply(String text) {
        browser.type(By.id("reply-text"), text);
        browser.click(By.id("reply-send"));
        browser.waitForText(By.cssSelector("#conv-messages .msg.from-admin .msg-text"), text);
        return this;
    }

    Dashboard filter(String selectId, String value) {
        new Select(browser.visible(By.id(selectId))).selectByValue(value);
        return this;
    }

    /** Types into a field of an editor dialog. */
    Dashboard fill(String dialog, String field, String text) {
        browser.type(By.cssSelector(dialog + " [name='" + field + "']"), text);
        return this;
    }

    String statText(String id) {
        return browser.visible(By.cssSelector("#" + id + " .stat-value")).getText();
    }
}
