package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.chat.store.ChatStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cloudinary answering 5xx: the real Cloudinary SDK posts each upload to a local HTTP server (its {@code
 * upload_prefix}) that answers 500 or 503. The upload answers STORAGE_UNAVAILABLE in the envelope and leaves no
 * upload record, no message, and the quota's count unchanged.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.store=memory",
        "parley.admins[0].id=alice",
        "parley.admins[0].name=Alice Admin",
        "spring.main.banner-mode=off",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class CloudinaryOutageTest {

    private static final AtomicInteger RECEIVED = new AtomicInteger();
    private static final AtomicInteger STATUS = new AtomicInteger(503);
    private static final HttpServer CLOUDINARY = cloudinary();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("parley.files.cloudinary.url", () -> "cloudinary://123456789012345:stub-secret@stub-cloud"
                + "?upload_prefix=http://127.0.0.1:" + CLOUDINARY.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    ChatStore store;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterAll
    static void stopCloudinary() {
        CLOUDINARY.stop(0);
    }

    /** A stand-in for Cloudinary's upload API that reads each request and answers the current 5xx status. */
    private static HttpServer cloudinary() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    RECEIVED.incrementAndGet();
                    byte[] body = "{\"error\":{\"message\":\"General Error\"}}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(STATUS.get(), body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cloudinaryAnswering5xxGivesStorageUnavailableAndStoresNoHalfRecord() throws Exception {
        Api.Response started = api.post("/api/v1/chat", Map.of("visitorName", "Cleo", "message", "a file follows"));
        assertThat(started.status()).isEqualTo(200);
        String session = started.data().get("sessionId").asString();
        long chatId = store.chats().findBySessionId(session).orElseThrow().id();
        long bytesBefore = store.files().totalBytes();

        for (int status : new int[] {503, 500}) {
            STATUS.set(status);
            int before = RECEIVED.get();
            Api.Response r = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "invoice.pdf",
                    "application/pdf", UploadTest.pdf());

            assertThat(RECEIVED.get()).as("the SDK reached the stub").isGreaterThan(before);
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.errorCode()).isEqualTo("STORAGE_UNAVAILABLE");
        }
        assertThat(store.files().countByChat(chatId)).isZero();
        assertThat(store.files().totalBytes()).isEqualTo(bytesBefore);
        assertThat(store.messages().list(chatId, null, null, 100)).hasSize(1);
    }
}
