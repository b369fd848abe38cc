package dev.parley.examples.demo;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The chat widget on a host page, as a visitor uses it; its elements live in the widget's shadow root. */
final class Widget {

    static final By HOST = By.id("parley-widget");

    static final By NOTICE = By.cssSelector(".parley-notice");
    static final By ADMIN_MESSAGES = By.cssSelector(".parley-msg[data-sender='ADMIN'] .parley-bubble");
    static final By VISITOR_MESSAGES = By.cssSelector(".parley-msg[data-sender='VISITOR'] .parley-bubble");
    static final By IMAGES = By.cssSelector(".parley-msg .parley-image");
    static final By SUGGESTIONS = By.cssSelector(".parley-suggestion-title");
    static final By RATING = By.cssSelector(".parley-rating");

    private final Browser page;
    private final Browser browser;

    Widget(Browser page) {
        this.page = page;
        this.browser = page.inShadowOf(HOST);
    }

    /** The browser looking inside the widget. */
    Browser in() {
        return browser;
    }

    /** Opens the demo's sample site and the widget on it. */
    Widget openOn(String baseUrl) {
        return openAt(baseUrl + "/");
    }

    /** Opens the page and the widget on it. */
    Widget openAt(String url) {
        page.open(url);
        browser.click(By.cssSelector(".parley-launcher"));
        browser.visible(By.cssSelector(".parley-panel"));
        return this;
    }

    /** Fills in the start form (the message last, so that suggestions show) without submitting it. */
    Widget fillStart(String department, String name, String message) {
        browser.click(By.cssSelector(".parley-department[data-slug='" + department + "']"));
        browser.type(By.cssSelector(".parley-start input[name='visitorName']"), name);
        browser.type(By.cssSelector(".parley-start textarea[name='message']"), message);
        return this;
    }

    Widget submitStart() {
        browser.click(By.cssSelector(".parley-start button[type='submit']"));
        browser.visible(By.cssSelector(".parley-messages"));
        return this;
    }

    Widget send(String text) {
        By input = By.cssSelector(".parley-message-input");
        browser.type(input, text);
        browser.find(input).sendKeys(Keys.ENTER);
        browser.waitForText(VISITOR_MESSAGES, text);
        browser.until(d -> browser.find(input).getAttribute("value").isEmpty());
        return this;
    }

    Widget attach(Path file) {
        browser.find(By.cssSelector(".parley-file-input")).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Waits until an attached image is shown and has loaded. */
    WebElement waitForLoadedImage() {
        WebElement img = browser.visible(IMAGES);
        browser.until(d -> (Boolean) browser.script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
        return img;
    }

    Widget rate(int stars, String comment) {
        browser.visible(RATING);
        browser.click(By.cssSelector(".parley-star[data-rating='" + stars + "']"));
        browser.type(By.cssSelector(".parley-rating-comment"), comment);
        browser.click(By.cssSelector(".parley-rating-submit"));
        browser.visible(By.cssSelector(".parley-thanks"));
        return this;
    }
}
