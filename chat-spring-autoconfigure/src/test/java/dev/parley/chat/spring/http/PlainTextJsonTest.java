package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Browser code that posts JSON with {@code fetch} and no headers sends {@code text/plain;charset=UTF-8}: the public
 * visitor endpoints read it as JSON, from this site or an allowed widget origin only.
 */
class PlainTextJsonTest extends ApiTestBase {

    private static final String WIDGET_ORIGIN = "https://widget.example.test";

    @Test
    void aChatStartedAsTextPlainIsStartedAsIfItWereJson() {
        String name = unique("Plain");
        Api.Response r = post("/api/v1/chat", "text/plain;charset=UTF-8",
                json(Map.of("visitorName", name, "department", "sales", "message", "Hello from fetch")),
                "X-Forwarded-For", freshAddress());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("sessionId").asString()).hasSize(32);
        assertThat(r.data().at("/chat/department").asString()).isEqualTo("sales");
        assertThat(r.data().at("/message/message").asString()).isEqualTo("Hello from fetch");
        assertThat(chatIdOf(name)).isPositive();
    }

    @Test
    void aBodyWithoutAContentTypeIsReadAsJson() {
        JsonNode started = startChat(unique("Untyped"), "first");

        Api.Response r = post("/api/v1/chat", null,
                json(Map.of("sessionId", started.get("sessionId").asString(), "message", "no type at all")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().at("/message/message").asString()).isEqualTo("no type at all");
    }

    @Test
    void theDeclaredCharsetDecodesTheBody() {
        String name = unique("Zoë Ångström");
        byte[] latin1 = ("{\"visitorName\":\"" + name + "\",\"message\":\"crème brûlée\"}")
                .getBytes(StandardCharsets.ISO_8859_1);

        Api.Response r = post("/api/v1/chat", "text/plain; charset=ISO-8859-1", latin1,
                "X-Forwarded-For", freshAddress());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().at("/chat/visitorName").asString()).isEqualTo(name);
        assertThat(r.data().at("/message/message").asString()).isEqualTo("crème brûlée");
    }

    @Test
    void aRatingSentAsTextPlainIsStored() {
        String name = unique("Rater");
        String session = startChat(name, "help").get("sessionId").asString();
        assertThat(setStatus(chatIdOf(name), "RESOLVED").status()).isEqualTo(200);

        Api.Response r = post("/api/v1/chat/rate", "text/plain;charset=UTF-8",
                json(Map.of("sessionId", session, "rating", 4, "comment", "fine")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("rating").asInt()).isEqualTo(4);
    }

    @Test
    void theServersOwnOriginAndAnAllowedWidgetOriginAreAccepted() {
        Api.Response own = post("/api/v1/chat", "text/plain;charset=UTF-8",
                json(Map.of("visitorName", unique("Own"), "message", "hi")),
                "Origin", "http://localhost:" + port, "X-Forwarded-For", freshAddress());
        Api.Response widget = post("/api/v1/chat", "text/plain;charset=UTF-8",
                json(Map.of("visitorName", unique("Widget"), "message", "hi")),
                "Origin", WIDGET_ORIGIN, "X-Forwarded-For", freshAddress());

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(widget.status()).as(widget.toString()).isEqualTo(200);
    }

    @Test
    void aForeignOriginIsRefusedWith403AndNothingIsStored() {
        String name = unique("Foreign");
        List<Api.Response> refused = new ArrayList<>();
        for (String origin : List.of("https://evil.example.test", "http://localhost:" + (port + 1),
                "https://widget.example.test:8443", "null")) {
            refused.add(post("/api/v1/chat", "text/plain;charset=UTF-8",
                    json(Map.of("visitorName", name, "message", "hi")), "Origin", origin,
                    "X-Forwarded-For", freshAddress()));
        }
        Api.Response untyped = post("/api/v1/chat", null, json(Map.of("visitorName", name, "message", "hi")),
                "Origin", "https://evil.example.test", "X-Forwarded-For", freshAddress());
        refused.add(untyped);

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(r.errorMessage()).contains("parley.web.cors.allowed-origins");
        });
        Api.Response listed = api.get("/api/v1/admin/chat?text=" + name.replace(" ", "%20"), asAdmin("alice"));
        assertThat(listed.data().get("items")).isEmpty();
    }

    @Test
    void aRatingFromAForeignOriginIsRefused() {
        Api.Response r = post("/api/v1/chat/rate", "text/plain", json(Map.of("sessionId", "x", "rating", 5)),
                "Origin", "https://evil.example.test");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void adminEndpointsStayJsonOnly() {
        Api.Response plain = post("/api/v1/admin/chat", "text/plain;charset=UTF-8",
                json(Map.of("chatId", 1, "message", "hi")), asAdmin("alice"));
        Api.Response untyped = post("/api/v1/admin/presence", null, json(Map.of("isOnline", true)),
                asAdmin("alice"));

        assertThat(plain.status()).as(plain.toString()).isEqualTo(415);
        assertThat(plain.errorCode()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(untyped.status()).as(untyped.toString()).isEqualTo(415);
    }

    @Test
    void malformedJsonSentAsTextPlainIsA400() {
        Api.Response r = post("/api/v1/chat", "text/plain;charset=UTF-8",
                "visitorName=Ada".getBytes(StandardCharsets.UTF_8), "X-Forwarded-For", freshAddress());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
    }

    private static byte[] json(Object body) {
        return Api.JSON.writeValueAsBytes(body);
    }

    /** A POST with the given Content-Type, or none at all when it is null. */
    private Api.Response post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = api.request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> r = api.http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
