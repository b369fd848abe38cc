package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.examples.formlogin.FormLoginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard shipped in chat-ui, in a host that signs its staff in with Spring Security's form login
 * ({@link FormLoginHost}): the admin signs in on the host's login page and handles a visitor's chat end to end with
 * the session cookie, every state-changing call carrying the CSRF token; signing out ends the session. Runs in the
 * demo's "form-login" surefire execution, the only one with Spring Security on the class path (tag
 * {@code spring-security}).
 */
@Tag("spring-security")
@SpringBootTest(classes = FormLoginHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "parley.ui.admin.login-url=",
                "parley.ui.admin.emails-url=",
                "parley.ui.admin.logout-url=/logout",
                "demo.mail-capture.enabled=false",
        })
class FormLoginDashboardBrowserTest {

    private static final Path DATA = tempDirectory();

    @DynamicPropertySource
    static void dataUnderTemp(DynamicPropertyRegistry registry) {
        registry.add("demo.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

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
    void anAdminSignedInByTheHostsLoginFormHandlesAChatEndToEnd() {
        admin = Browser.start(temp.resolve("admin"));
        Dashboard dashboard = new Dashboard(admin, base()).signInWithHostForm("ada", "pw-ada", "Ada Lovelace");
        assertThat(admin.find(By.id("nav-emails")).isDisplayed()).isFalse();
        assertThat(Axe.seriousViolations(admin)).as("chats, session mode").isEmpty();

        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openOn(base())
                .fillStart("general", "Sam Session", "Hello! Is my order 7781 on its way?")
                .submitStart();

        dashboard.openChatOf("Sam Session");
        admin.waitForText(Dashboard.CONVERSATION_MESSAGES, "order 7781");
        dashboard.reply("Hi Sam, it left our warehouse this morning.");
        widget.in().waitForText(Widget.ADMIN_MESSAGES, "it left our warehouse");
        widget.send("Wonderful, thank you!");
        admin.waitForText(Dashboard.CONVERSATION_MESSAGES, "Wonderful, thank you!");

        admin.click(By.id("chat-resolve"));
        admin.waitForText(By.id("conv-status"), "Resolved");
        widget.rate(5, "Signed in the host's way");
        admin.waitForText(By.cssSelector("#conv-rating blockquote"), "Signed in the host's way");
        admin.screenshot("dashboard-form-login");

        admin.click(By.id("sign-out"));
        admin.until(d -> !d.getCurrentUrl().contains("/parley/admin"));
        admin.open(base() + "/parley/admin/");
        admin.visible(By.id("username"));
    }

    @Test
    void aSignedInUserWhoIsNoAdminIsToldSo() {
        admin = Browser.start(temp.resolve("carol"));
        admin.open(base() + "/parley/admin/");
        hostLogin(admin, "carol", "pw-carol");
        admin.waitForText(By.id("login-error"), "ROLE_PARLEY_ADMIN");
        assertThat(admin.find(By.id("app")).isDisplayed()).isFalse();
    }

    static void hostLogin(Browser browser, String user, String password) {
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), password);
        browser.click(By.cssSelector("button[type='submit']"));
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "form-login-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
