package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks over real HTTP: endpoints managed through the admin API, events of chats made through the visitor and
 * admin API delivered to a receiver on loopback that verifies every signature with the specification's library.
 * Private targets are allowed here (the receiver is on 127.0.0.1) and retries come quickly.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.store=memory",
        "parley.admins[0].id=alice",
        "parley.admins[0].name=Alice Admin",
        "parley.webhooks.allow-private-targets=true",
        "parley.webhooks.retry-delays=300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms",
        "parley.webhooks.poll-interval=100ms",
        "parley.webhooks.subscription-cache=0s",
        "spring.main.banner-mode=off",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class WebhookHttpTest {

    private static final String SECRET = TestTokens.randomSecret();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String[] ALICE = {"Authorization", "Bearer " + TestTokens.valid(SECRET, "alice")};

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("parley.security.jwt-secret", () -> SECRET);
    }

    private Api api() {
        return new Api(port);
    }

    private JsonNode create(String url, List<String> events) {
        Api.Response r = api().post("/api/v1/admin/webhooks", Map.of("url", url, "description", "CRM",
                "events", events), ALICE);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data();
    }

    private long startChat(String name) {
        Api.Response r = api().post("/api/v1/chat", Map.of("visitorName", name, "message", "Hello from " + name),
                "X-Forwarded-For", "10.9." + (name.hashCode() & 127) + ".1");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String sessionId = r.data().get("sessionId").asString();
        assertThat(api().post("/api/v1/chat", Map.of("sessionId", sessionId, "message", "still there?")).status())
                .isEqualTo(200);
        Api.Response listed = api().get("/api/v1/admin/chat?text=" + name.replace(" ", "%20"), ALICE);
        assertThat(listed.data().get("items")).as(listed.toString()).hasSize(1);
        return listed.data().at("/items/0/chat/id").asLong();
    }

    private JsonNode deliveries(long endpointId) {
        Api.Response r = api().get("/api/v1/admin/webhooks/" + endpointId + "/deliveries?limit=200", ALICE);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventExactlyOnceEachSignatureVerified() throws Exception {
        int port = freePort();
        JsonNode created = create("http://127.0.0.1:" + port + "/hooks",
                List.of("chat.started", "message.created", "chat.updated"));
        String secret = created.get("secret").asString();
        long endpointId = created.at("/endpoint/id").asLong();
        assertThat(secret).startsWith("whsec_");

        long first = startChat("Ada Down");
        long second = startChat("Bob Down");
        assertThat(api().patch("/api/v1/admin/chat", Map.of("chatId", first, "status", "RESOLVED"), ALICE)
                .status()).isEqualTo(200);
        // nobody listens yet: wait until every delivery has failed at least twice
        await().atMost(WAIT).until(() -> StreamSupport.stream(deliveries(endpointId).spliterator(), false)
                .allMatch(d -> d.get("attempts").asInt() >= 2));
        JsonNode failing = deliveries(endpointId);
        assertThat(failing).hasSize(7);
        assertThat(failing.get(0).at("/attemptLog/0/statusCode").isNull()).isTrue();
        assertThat(failing.get(0).at("/attemptLog/0/response").asString()).contains("ConnectException");

        try (WebhookReceiver receiver = new WebhookReceiver(port)) {
            receiver.secret("/hooks", secret);
            await().atMost(WAIT).until(() -> StreamSupport.stream(deliveries(endpointId).spliterator(), false)
                    .allMatch(d -> d.get("status").asString().equals("SENT")));
            Set<String> ids = new HashSet<>();
            deliveries(endpointId).forEach(d -> ids.add(d.get("webhookId").asString()));
            assertThat(ids).hasSize(7);
            assertThat(receiver.received).allSatisfy(r -> assertThat(r.verified()).isTrue());
            assertThat(receiver.acknowledged.keySet()).isEqualTo(ids);
            assertThat(receiver.acknowledged.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(receiver.received).extracting(r -> Api.JSON.readTree(r.body()).get("type").asString())
                    .containsOnly("chat.started", "message.created", "chat.updated");
            assertThat(receiver.received).anySatisfy(r -> assertThat(Api.JSON.readTree(r.body())
                    .at("/data/chat/id").asLong()).isEqualTo(second));
        }
        JsonNode endpoint = api().get("/api/v1/admin/webhooks/" + endpointId, ALICE).data();
        assertThat(endpoint.get("enabled").asBoolean()).isTrue();
        assertThat(endpoint.get("failingSince").isNull()).isTrue();
    }

    @Test
    void a410DisablesTheEndpointAndAResendArrivesWithTheSameId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(freePort())) {
            String base = "http://127.0.0.1:" + receiver.port();
            JsonNode gone = create(base + "/gone", List.of("chat.started"));
            JsonNode ok = create(base + "/ok", List.of("chat.started"));
            receiver.secret("/gone", gone.get("secret").asString());
            receiver.secret("/ok", ok.get("secret").asString());
            long goneId = gone.at("/endpoint/id").asLong();
            long okId = ok.at("/endpoint/id").asLong();
            startChat("Cleo Gone");
            await().atMost(WAIT).until(() -> !api().get("/api/v1/admin/webhooks/" + goneId, ALICE).data()
                    .get("enabled").asBoolean());
            JsonNode disabled = api().get("/api/v1/admin/webhooks/" + goneId, ALICE).data();
            assertThat(disabled.get("disabledReason").asString()).contains("410");
            assertThat(deliveries(goneId).get(0).get("status").asString()).isEqualTo("FAILED");
            assertThat(deliveries(goneId).get(0).at("/attemptLog/0/statusCode").asInt()).isEqualTo(410);

            await().atMost(WAIT).until(() -> deliveries(okId).get(0).get("status").asString().equals("SENT"));
            JsonNode sent = deliveries(okId).get(0);
            Api.Response resent = api().post("/api/v1/admin/webhooks/deliveries/" + sent.get("id").asLong()
                    + "/resend", Map.of(), ALICE);
            assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
            await().atMost(WAIT).until(() -> deliveries(okId).get(0).get("attemptLog").size() == 2);
            String id = sent.get("webhookId").asString();
            assertThat(receiver.received.stream().filter(r -> r.path().equals("/ok") && r.id().equals(id)).count())
                    .isEqualTo(2);
            assertThat(receiver.received).allSatisfy(r -> assertThat(r.verified()).isTrue());

            Api.Response refused = api().post("/api/v1/admin/webhooks/deliveries/"
                    + deliveries(goneId).get(0).get("id").asLong() + "/resend", Map.of(), ALICE);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorMessage()).contains("disabled");
        }
    }

    @Test
    void secretsAreShownOnlyWhenCreatedOrRotatedAndBadInputIsA4xx() {
        JsonNode created = create("http://127.0.0.1:9/x", List.of("chat.rated"));
        String secret = created.get("secret").asString();
        long id = created.at("/endpoint/id").asLong();
        assertThat(api().get("/api/v1/admin/webhooks", ALICE).text()).doesNotContain(secret).doesNotContain("whsec_");
        assertThat(api().get("/api/v1/admin/webhooks/" + id, ALICE).text()).doesNotContain("whsec_");
        Api.Response patched = api().patch("/api/v1/admin/webhooks/" + id,
                Map.of("events", List.of("chat.rated", "chat.transferred"), "enabled", false), ALICE);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text()).doesNotContain("whsec_");
        assertThat(patched.data().get("events").toString()).contains("chat.transferred");
        Api.Response rotated = api().post("/api/v1/admin/webhooks/" + id + "/rotate-secret", Map.of(), ALICE);
        assertThat(rotated.data().get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.data().at("/endpoint/previousSecretUntil").isNull()).isFalse();

        Api.Response badEvent = api().post("/api/v1/admin/webhooks", Map.of("url", "https://example.com/h",
                "events", List.of("chat.exploded")), ALICE);
        assertThat(badEvent.status()).isEqualTo(400);
        assertThat(badEvent.errorMessage()).contains("chat.exploded").contains("chat.started");
        Api.Response badUrl = api().post("/api/v1/admin/webhooks", Map.of("url", "ftp://example.com/h",
                "events", List.of("chat.started")), ALICE);
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/admin/webhooks/999999", ALICE).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/admin/webhooks", "{\"url\": ", ALICE).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/admin/webhooks").status()).isEqualTo(401);
        assertThat(api().delete("/api/v1/admin/webhooks/" + id, ALICE).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/admin/webhooks/" + id, ALICE).status()).isEqualTo(404);
    }
}
