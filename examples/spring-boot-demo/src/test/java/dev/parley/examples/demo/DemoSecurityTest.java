package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo is safe to leave running: it listens on 127.0.0.1 only, throttles failed sign-ins per admin and per
 * address (429 in the envelope), and a signed-out token is refused (revoked in the demo's H2 database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "demo.login.max-failures-per-admin=3", "demo.login.max-failures-per-address=6"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSecurityTest {

    private static final Path DATA = tempDirectory();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataUnderTemp(DynamicPropertyRegistry registry) {
        registry.add("demo.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Answer(int status, JsonNode json, HttpResponse<String> response) {}

    private Answer post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()), r);
    }

    private Answer signIn(String adminId, String password) throws Exception {
        return post("/demo/api/login", "{\"adminId\":\"" + adminId + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    @Order(1)
    void itListensOnTheLoopbackAddressOnly() {
        JettyWebServer server = (JettyWebServer) context.getWebServer();
        ServerConnector connector = (ServerConnector) server.getServer().getConnectors()[0];

        assertThat(connector.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(2)
    void aSignedOutTokenIsRefused() throws Exception {
        String token = signIn("ada", "demo").json().at("/data/token").asString();
        String[] bearer = {"Authorization", "Bearer " + token};
        assertThat(post("/api/v1/admin/chat/stream-ticket", "{}", bearer).status()).isEqualTo(200);

        assertThat(post("/api/v1/admin/sign-out", "{}", bearer).status()).isEqualTo(200);

        Answer after = post("/api/v1/admin/chat/stream-ticket", "{}", bearer);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().at("/error/message").asString()).contains("signed out");
    }

    @Test
    @Order(3)
    void failedSignInsAreThrottledPerAdminThenPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("ada", "wrong-" + i).status()).isEqualTo(401);
        }
        Answer ada = signIn("ada", "demo");
        assertThat(ada.status()).as("even the right password, once ada had 3 failures").isEqualTo(429);
        assertThat(ada.json().at("/success").asBoolean()).isFalse();
        assertThat(ada.json().at("/error/code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(ada.json().at("/error/message").asString()).contains("too many failed sign-ins");
        assertThat(Long.parseLong(ada.response().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 15L * 60 + 1);
        assertThat(signIn("grace", "demo").status()).as("another admin from the same address").isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(signIn("nobody-" + i, "demo").status()).isEqualTo(401);
        }
        assertThat(signIn("grace", "demo").status()).as("the address has 6 failures").isEqualTo(429);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "security-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
