package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The widget embedded with one script tag in a page of another origin: a whole chat across origins, keyboard-only
 * use, and a page's aggressive CSS that leaves the widget untouched.
 */
class EmbeddedWidgetBrowserTest extends EmbeddedWidgetTestBase {

    /** Computed styles of widget elements, read inside its shadow root. */
    private static final String STYLES = """
            const root = document.getElementById('parley-widget').shadowRoot;
            const props = ['font-family', 'font-size', 'color', 'background-color', 'line-height', 'padding-top',
              'padding-left', 'margin-top', 'border-top-width', 'border-top-style', 'border-radius', 'width',
              'height', 'letter-spacing', 'text-transform', 'box-sizing'];
            const out = {};
            for (const sel of arguments[0]) {
              const e = root.querySelector(sel);
              if (!e) { out[sel] = 'missing'; continue; }
              const s = getComputedStyle(e);
              out[sel] = props.map((p) => p + ': ' + s.getPropertyValue(p)).join('; ');
            }
            return out;
            """;

    @Test
    void aVisitorOnAnotherOriginChatsLiveAttachesAFileAndRates() throws IOException {
        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signIn("ada", "demo", "Ada Lovelace");

        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openAt(SITE.origin() + "/")
                .fillStart("sales", "Ingrid Fjord", "Do you ship cargo bikes to Bergen?")
                .submitStart();
        widget.in().waitForText(Widget.VISITOR_MESSAGES, "cargo bikes to Bergen");
        assertThat(visitor.driver.getCurrentUrl()).startsWith(SITE.origin());

        widget.in().click(By.cssSelector(".parley-minimise"));
        widget.in().waitUntilHidden(By.cssSelector(".parley-panel"));

        dashboard.openChatOf("Ingrid Fjord");
        admin.waitForText(Dashboard.CONVERSATION_MESSAGES, "cargo bikes to Bergen");
        dashboard.reply("Hi Ingrid, yes: Bergen is 3 days.");
        widget.in().waitForText(By.cssSelector(".parley-badge"), "1");
        assertThat(widget.in().find(By.cssSelector(".parley-launcher")).getAttribute("aria-label"))
                .isEqualTo("Open the support chat (1 unread)");
        widget.in().click(By.cssSelector(".parley-launcher"));
        widget.in().waitForText(Widget.ADMIN_MESSAGES, "Bergen is 3 days");
        widget.in().waitUntilHidden(By.cssSelector(".parley-badge"));

        widget.attach(samplePng(temp.resolve("bike.png")));
        WebElement image = widget.waitForLoadedImage();
        assertThat(image.getAttribute("src")).startsWith(base() + "/parley/files/");
        admin.visible(Dashboard.CONVERSATION_IMAGES);
        widget.send("Lovely, thank you!");
        admin.waitForText(Dashboard.CONVERSATION_MESSAGES, "Lovely, thank you!");

        admin.click(By.id("chat-resolve"));
        admin.waitForText(By.id("conv-status"), "Resolved");
        widget.rate(4, "Quick answer");
        admin.waitForText(By.cssSelector("#conv-rating blockquote"), "Quick answer");
        visitor.screenshot("embedded-widget-rated");
        dashboard.signOut();
    }

    @Test
    void theWidgetWorksByKeyboardAlone() {
        visitor = Browser.start(temp.resolve("visitor"));
        visitor.open(SITE.origin() + "/");
        Browser widget = visitor.inShadowOf(Widget.HOST);
        widget.visible(By.cssSelector(".parley-launcher"));

        tabUntil(false, "launcher");
        keys(Keys.ENTER);
        widget.visible(By.cssSelector(".parley-panel"));
        awaitFocusOn("visitorName");
        keys("Keyboard Kim");

        tabUntil(true, "department:technical");
        keys(Keys.SPACE);
        visitor.until(d -> "true".equals(widget.find(By.cssSelector(".parley-department[data-slug='technical']"))
                .getAttribute("aria-pressed")));
        tabUntil(false, "message");
        keys("My bell rings by itself.");
        tabUntil(false, "submit");
        keys(Keys.ENTER);
        widget.waitForText(Widget.VISITOR_MESSAGES, "My bell rings by itself.");

        awaitFocusOn("parley-message-input");
        keys("It is a cargo bike.", Keys.ENTER);
        widget.waitForText(Widget.VISITOR_MESSAGES, "It is a cargo bike.");

        keys(Keys.ESCAPE);
        widget.waitUntilHidden(By.cssSelector(".parley-panel"));
        awaitFocusOn("launcher");
        assertThat(widget.find(By.cssSelector(".parley-launcher")).getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void aPagesCssThatRestylesEverythingLeavesTheWidgetAsItWas() {
        visitor = Browser.start(temp.resolve("visitor"));
        String[] closed = {".parley-launcher"};
        String[] open = {".parley-panel", ".parley-header", ".parley-title", ".parley-department",
            ".parley-start input[name='visitorName']", ".parley-start textarea[name='message']",
            ".parley-start button[type='submit']", ".parley-minimise"};

        Map<?, ?> plainClosed = stylesOn("/", closed, false);
        Map<?, ?> plainOpen = stylesOn("/", open, true);
        visitor.screenshot("embedded-widget-plain");
        Map<?, ?> hostileClosed = stylesOn("/hostile.html", closed, false);
        Map<?, ?> hostileOpen = stylesOn("/hostile.html", open, true);
        visitor.screenshot("embedded-widget-hostile-page");

        assertThat(plainClosed.values()).noneMatch("missing"::equals);
        assertThat(plainOpen.values()).noneMatch("missing"::equals);
        assertThat(hostileClosed).isEqualTo(plainClosed);
        assertThat(hostileOpen).isEqualTo(plainOpen);
        // the page's rules did apply to the page itself
        assertThat(visitor.find(By.tagName("h1")).getCssValue("color")).isEqualTo("rgba(255, 0, 255, 1)");
    }

    @Test
    void onANarrowPhoneTheOpenChatFillsTheScreen() {
        visitor = Browser.start(temp.resolve("visitor"));
        visitor.driver.manage().window().setSize(new Dimension(375, 740));
        new Widget(visitor).openAt(SITE.origin() + "/");
        Browser widget = visitor.inShadowOf(Widget.HOST);
        WebElement panel = widget.visible(By.cssSelector(".parley-panel"));
        long viewportWidth = (Long) visitor.script("return window.innerWidth");
        long viewportHeight = (Long) visitor.script("return window.innerHeight");

        assertThat(panel.getRect().getX()).isZero();
        assertThat(panel.getRect().getY()).isZero();
        assertThat((long) panel.getRect().getWidth()).isEqualTo(viewportWidth);
        assertThat((long) panel.getRect().getHeight()).isEqualTo(viewportHeight);
        visitor.screenshot("embedded-widget-phone");
    }

    private Map<?, ?> stylesOn(String path, String[] selectors, boolean open) {
        visitor.open(SITE.origin() + path);
        Browser widget = visitor.inShadowOf(Widget.HOST);
        widget.visible(By.cssSelector(".parley-launcher"));
        if (open) {
            widget.click(By.cssSelector(".parley-launcher"));
            widget.visible(By.cssSelector(".parley-department"));
        }
        return (Map<?, ?>) visitor.script(STYLES, (Object) java.util.List.of(selectors));
    }

    /** What has the keyboard focus inside the widget: a department, a field's name, the launcher, … */
    private String focused() {
        return (String) visitor.script("""
                const a = document.getElementById('parley-widget').shadowRoot.activeElement;
                if (!a) return null;
                if (a.dataset.slug) return 'department:' + a.dataset.slug;
                if (a.classList.contains('parley-launcher')) return 'launcher';
                if (a.type === 'submit' && a.closest('.parley-start')) return 'submit';
                return a.getAttribute('name') || a.className;
                """);
    }

    /** Waits until the focus is on {@code target} (see {@link #focused()}). */
    private void awaitFocusOn(String target) {
        Boolean there = visitor.until(d -> target.equals(focused()) ? Boolean.TRUE : null);
        assertThat(there).isTrue();
    }

    /** Presses Tab (or Shift+Tab) until the focus is on {@code target}, at most 30 times. */
    private void tabUntil(boolean backwards, String target) {
        for (int i = 0; i < 30 && !target.equals(focused()); i++) {
            if (backwards) {
                new Actions(visitor.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                keys(Keys.TAB);
            }
        }
        assertThat(focused()).isEqualTo(target);
    }

    private void keys(CharSequence... keys) {
        new Actions(visitor.driver).sendKeys(keys).perform();
    }

    private static Path samplePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xE6, 0xF4, 0xF1));
        g.fillRect(0, 0, 200, 120);
        g.setColor(new Color(0x0F, 0x76, 0x6E));
        g.fillOval(40, 30, 120, 60);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
