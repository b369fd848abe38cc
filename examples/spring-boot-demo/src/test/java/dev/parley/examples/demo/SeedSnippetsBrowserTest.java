package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.Parley;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.PageRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser code of the document Parley implements, run verbatim in Chromium: it posts JSON with {@code fetch} and
 * no headers, so the browser sends {@code text/plain;charset=UTF-8}. From a page of the demo (and from an allowed
 * widget origin) it starts a chat in a department and continues it while nobody is online; from a foreign origin
 * the same request is refused and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedSnippetsBrowserTest {

    /** Starting a chat in a department, as the seed's document shows it. */
    static final String START_SNIPPET = """
            const response = await fetch('/api/v1/chat', {
              method: 'POST',
              body: JSON.stringify({
                visitorName: 'John Doe',
                visitorEmail: 'john@example.com',
                department: 'sales',
                message: 'I need help with pricing'
              })
            });
            const { data } = await response.json();
            """;

    /** Continuing the chat while nobody is online, as the seed's document shows it. */
    static final String CONTINUE_SNIPPET = """
            await fetch('/api/v1/chat', {
              method: 'POST',
              body: JSON.stringify({
                sessionId: data.sessionId,
                message: 'Is anyone there?'
              })
            });
            """;

    private static final Path DATA = tempDirectory();
    private static final HttpServer ALLOWED_SITE = site();
    private static final HttpServer FOREIGN_SITE = site();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("demo.data-dir", DATA::toString);
        registry.add("parley.web.cors.allowed-origins", () -> origin(ALLOWED_SITE));
    }

    @LocalServerPort
    int port;

    @Autowired
    Parley parley;

    @TempDir
    Path temp;

    private Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterAll
    static void stopSites() {
        ALLOWED_SITE.stop(0);
        FOREIGN_SITE.stop(0);
    }

    @Test
    void theSnippetsStartAndContinueAChatFromAPageOfTheDemo() {
        browser = Browser.start(temp.resolve("same-origin"));
        browser.open("http://localhost:" + port + "/");

        Map<?, ?> result = runSnippets(START_SNIPPET + CONTINUE_SNIPPET, "John Doe");

        assertThat(result.get("error")).isNull();
        assertThat(result.get("status")).isEqualTo(200L);
        assertThat(result.get("adminOnline")).isEqualTo(false);
        List<ChatSummary> chats = chatsOf("John Doe");
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).chat().department()).isEqualTo("sales");
        assertThat(chats.get(0).chat().visitorEmail()).isEqualTo("john@example.com");
        assertThat(chats.get(0).chat().status()).isEqualTo(ChatStatus.WAITING);
        assertThat(parley.chats().messages(chats.get(0).chat().id(), null)).extracting(ChatMessage::message)
                .containsExactly("I need help with pricing", "Is anyone there?");
    }

    @Test
    void theSnippetsWorkFromAnAllowedWidgetOrigin() {
        browser = Browser.start(temp.resolve("allowed"));
        browser.open(origin(ALLOWED_SITE) + "/");

        Map<?, ?> result = runSnippets(absolute(START_SNIPPET + CONTINUE_SNIPPET, "Allowed Widget"),
                "Allowed Widget");

        assertThat(result.get("error")).isNull();
        assertThat(result.get("status")).isEqualTo(200L);
        List<ChatSummary> chats = chatsOf("Allowed Widget");
        assertThat(chats).hasSize(1);
        assertThat(parley.chats().messages(chats.get(0).chat().id(), null)).hasSize(2);
    }

    @Test
    void theSameRequestFromAForeignOriginIsRefusedAndStoresNothing() {
        browser = Browser.start(temp.resolve("foreign"));
        browser.open(origin(FOREIGN_SITE) + "/");

        Map<?, ?> result = runSnippets(absolute(START_SNIPPET, "Foreign Page"), "Foreign Page");

        // the 403 carries no CORS header, so the page cannot even read it: fetch rejects
        assertThat(result.get("error")).asString().contains("Failed to fetch");
        assertThat(chatsOf("Foreign Page")).isEmpty();
    }

    /** Runs the snippets in the page and answers what the page saw (the start's status, or the error). */
    private Map<?, ?> runSnippets(String snippets, String visitorName) {
        assertThat(chatsOf(visitorName)).isEmpty();
        // a limit for a loaded machine, not a measurement: the script normally ends in well under a second
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        Object result = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                """ + snippets + """
                  return { status: response.status, adminOnline: data.adminOnline };
                })().then(done, e => done({ error: String(e) }));
                """);
        assertThat(result).isInstanceOf(Map.class);
        return (Map<?, ?>) result;
    }

    /** The snippet as a page of another site runs it: the API's full URL, and a visitor name of its own. */
    private String absolute(String snippet, String visitorName) {
        return snippet.replace("fetch('/api/v1/chat'", "fetch('http://localhost:" + port + "/api/v1/chat'")
                .replace("'John Doe'", "'" + visitorName + "'");
    }

    private List<ChatSummary> chatsOf(String visitorName) {
        return parley.chats().listChats(new ChatFilter(null, null, null, null, visitorName),
                PageRequest.first(10)).items();
    }

    private static String origin(HttpServer site) {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    /** A static site on a port of its own: another origin than the demo's. */
    private static HttpServer site() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] page = "<!doctype html><html lang=\"en\"><title>Another site</title><p>Another site</p></html>"
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("parley-demo-snippets-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
