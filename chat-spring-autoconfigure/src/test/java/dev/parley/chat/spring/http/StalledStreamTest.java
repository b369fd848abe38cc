package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.store.ChatStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clients that open a stream and then stop reading (their TCP window fills, the server's writes to them block) never
 * hold up the others: with more stalled clients than sender threads, the clients that read still receive every
 * event of the same chat and of the admin stream, in order.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.store=memory",
        "parley.admins[0].id=alice",
        "parley.admins[0].name=Alice Admin",
        "parley.chat.max-message-length=40000",
        "parley.sse.sender-threads=2",
        "parley.sse.write-timeout=1s",
        "parley.web.streams.per-session=10",
        "spring.main.banner-mode=off",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class StalledStreamTest {

    private static final String SECRET = TestTokens.randomSecret();
    private static final int MESSAGES = 150;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("parley.security.jwt-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    ChatStore store;

    private Api api;
    private final List<Socket> stalled = new ArrayList<>();
    private final List<SseClient> reading = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void closeAll() throws IOException {
        for (Socket s : stalled) {
            s.close();
        }
        reading.forEach(SseClient::close);
    }

    /** Opens a stream on a raw socket with a tiny receive buffer, reads its headers, then never reads again. */
    private void stall(String path, String... headers) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(30_000); // a guard against a hung test, not an assertion
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String head = "";
        while (!head.contains("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the server answered the stream's headers").isNotNegative();
            head += (char) b;
        }
        assertThat(head).startsWith("HTTP/1.1 200");
        stalled.add(socket);
    }

    private SseClient read(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        SseClient client = SseClient.open(api.http(), b.build());
        assertThat(client.status()).isEqualTo(200);
        reading.add(client);
        return client;
    }

    /** A message's text: the visitor stream sends the message, the admin stream the chat and the message. */
    private static String text(SseClient.Event e) {
        tools.jackson.databind.JsonNode m = e.json().get("message");
        return m.isString() ? m.asString() : m.get("message").asString();
    }

    @Test
    void readersOfTheSameChatAndOfTheAdminStreamGetEveryEventWhileOthersStall() throws Exception {
        String bearer = "Bearer " + TestTokens.valid(SECRET, "alice");
        Api.Response started = api.post("/api/v1/chat", Map.of("visitorName", "Stella", "message", "hello"));
        assertThat(started.status()).isEqualTo(200);
        String session = started.data().get("sessionId").asString();
        long chatId = store.chats().findBySessionId(session).orElseThrow().id();
        String visitorPath = "/api/v1/chat/stream?sessionId=" + session;
        String adminPath = "/api/v1/admin/chat/stream";
        for (int i = 0; i < 4; i++) {
            stall(visitorPath);
        }
        for (int i = 0; i < 2; i++) {
            stall(adminPath, "Authorization: " + bearer);
        }
        List<SseClient> readers = List.of(read(visitorPath), read(visitorPath),
                read(adminPath, "Authorization", bearer));

        String filler = "x".repeat(39_000);
        for (int i = 0; i < MESSAGES; i++) {
            Api.Response r = api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", i + " " + filler),
                    "Authorization", bearer);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }

        for (SseClient reader : readers) {
            for (int i = 0; i < MESSAGES; i++) {
                String prefix = i + " ";
                SseClient.Event e = reader.next(ev -> ev.name().equals("message")
                        && text(ev).startsWith(prefix), WAIT);
                assertThat(e).as("message %d reached every reader", i).isNotNull();
            }
        }
    }
}
