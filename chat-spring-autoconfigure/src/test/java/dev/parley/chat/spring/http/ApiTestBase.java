package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One real server (random port, in-memory store) shared by every HTTP test class: the context is cached because
 * all of them use exactly this configuration.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.store=memory",
        "parley.admins[0].id=alice",
        "parley.admins[0].name=Alice Admin",
        "parley.admins[0].email=alice@example.test",
        "parley.admins[0].role=owner",
        "parley.admins[1].id=bob",
        "parley.admins[1].name=Bob Sales",
        "parley.admins[1].departments=sales",
        "parley.web.cors.allowed-origins=https://widget.example.test",
        "parley.sse.keep-alive=500ms",
        "server.forward-headers-strategy=native",
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always",
        "spring.main.banner-mode=off",
        // a host with its own Jackson taste: Parley's JSON must not change with it
        "spring.jackson.property-naming-strategy=SNAKE_CASE",
        "spring.jackson.datatype.datetime.write-dates-as-timestamps=true",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
abstract class ApiTestBase {

    static final String SECRET = TestTokens.randomSecret();
    static final Path FILES = tempDir();
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("parley.security.jwt-secret", () -> SECRET);
        registry.add("parley.files.local.directory", FILES::toString);
    }

    @BeforeEach
    void createClient() {
        api = new Api(port);
    }

    /** A client address of its own for each call, so chat-start rate limits do not leak between tests. */
    static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** Headers of an authenticated admin. */
    static String[] asAdmin(String adminId) {
        return new String[] {"Authorization", "Bearer " + TestTokens.valid(SECRET, adminId)};
    }

    /** Starts a chat and answers the data of the answer (sessionId, chat, message, adminOnline). */
    JsonNode startChat(String visitorName, String message) {
        return startChat(Map.of("visitorName", visitorName, "message", message));
    }

    JsonNode startChat(Map<String, ?> body) {
        Api.Response r = api.post("/api/v1/chat", body, "X-Forwarded-For", freshAddress());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    JsonNode continueChat(String sessionId, String message) {
        Api.Response r = api.post("/api/v1/chat", Map.of("sessionId", sessionId, "message", message));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    /** The admin id of a chat, found through the admin listing by the visitor's unique name. */
    long chatIdOf(String visitorName) {
        Api.Response r = api.get("/api/v1/admin/chat?text=" + visitorName.replace(" ", "%20"), asAdmin("alice"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("items")).hasSize(1);
        return r.data().at("/items/0/chat/id").asLong();
    }

    Api.Response setStatus(long chatId, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("chatId", chatId);
        body.put("status", status);
        return api.patch("/api/v1/admin/chat", body, asAdmin("alice"));
    }

    static String unique(String prefix) {
        return prefix + " " + Long.toString(System.nanoTime(), 36);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("parley-files-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
