package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Server-Sent Event streams over real HTTP. */
class StreamTest extends ApiTestBase {

    private SseClient adminStream(String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/chat/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.valid(SECRET, "alice"));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        SseClient client = SseClient.open(api.http(), b.build());
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.nextComment(WAIT)).isEqualTo("connected");
        return client;
    }

    private SseClient visitorStream(String sessionId, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chat/stream?sessionId="
                + sessionId)).header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        SseClient client = SseClient.open(api.http(), b.build());
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.nextComment(WAIT)).isEqualTo("connected");
        return client;
    }

    private static boolean about(SseClient.Event e, String visitorName) {
        return e.json().at("/chat/visitorName").asString().equals(visitorName);
    }

    @Test
    void aVisitorsNewChatAndMessageArriveOnTheAdminStream() {
        String name = unique("Streamed");
        try (SseClient admin = adminStream()) {
            String session = startChat(name, "first words").get("sessionId").asString();
            continueChat(session, "second words");

            SseClient.Event started = admin.next(e -> e.name().equals("chat.started") && about(e, name), WAIT);
            SseClient.Event message = admin.next(e -> e.name().equals("message") && about(e, name), WAIT);

            assertThat(started.id()).isNotBlank();
            assertThat(started.json().at("/message/message").asString()).isEqualTo("first words");
            assertThat(message.json().at("/message/message").asString()).isEqualTo("second words");
            assertThat(message.json().at("/message/sender").asString()).isEqualTo("VISITOR");
            assertThat(started.data() + message.data()).doesNotContain(session).doesNotContain("sessionId");
        }
    }

    @Test
    void anAdminsReplyAndStatusChangeArriveOnTheVisitorStream() {
        String name = unique("Listener");
        String session = startChat(name, "anyone?").get("sessionId").asString();
        long chatId = chatIdOf(name);
        try (SseClient visitor = visitorStream(session)) {
            api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", "Yes, Alice here"), asAdmin("alice"));
            setStatus(chatId, "RESOLVED");

            SseClient.Event reply = visitor.next(e -> e.name().equals("message"), WAIT);
            SseClient.Event status = visitor.next(e -> e.name().equals("status")
                    && e.json().get("status").asString().equals("RESOLVED"), WAIT);

            JsonNode m = reply.json();
            assertThat(m.get("message").asString()).isEqualTo("Yes, Alice here");
            assertThat(m.get("sender").asString()).isEqualTo("ADMIN");
            assertThat(m.get("senderName").asString()).isEqualTo("Alice Admin");
            assertThat(m.has("senderId")).isFalse();
            assertThat(status.id()).isNotBlank();
        }
    }

    @Test
    void aVisitorStreamCarriesOnlyItsOwnChat() {
        String mine = startChat(unique("Mine"), "hello").get("sessionId").asString();
        String otherName = unique("Other");
        String other = startChat(otherName, "hello").get("sessionId").asString();
        try (SseClient visitor = visitorStream(mine)) {
            continueChat(other, "not for you");
            continueChat(mine, "for me");

            SseClient.Event first = visitor.next(WAIT);

            assertThat(first.name()).isEqualTo("message");
            assertThat(first.json().get("message").asString()).isEqualTo("for me");
        }
    }

    @Test
    void reconnectingWithLastEventIdResumesWithoutLoss() {
        String name = unique("Resumed");
        String session;
        String lastSeen;
        try (SseClient admin = adminStream()) {
            session = startChat(name, "m0").get("sessionId").asString();
            lastSeen = admin.next(e -> e.name().equals("chat.started") && about(e, name), WAIT).id();
        }
        continueChat(session, "m1");
        continueChat(session, "m2");
        continueChat(session, "m3");

        try (SseClient admin = adminStream("Last-Event-ID", lastSeen)) {
            continueChat(session, "m4");
            List<String> texts = new java.util.ArrayList<>();
            while (texts.size() < 4) {
                SseClient.Event e = admin.next(x -> x.name().equals("message") && about(x, name), WAIT);
                texts.add(e.json().at("/message/message").asString());
            }

            assertThat(texts).containsExactly("m1", "m2", "m3", "m4");
        }
    }

    @Test
    void aVisitorResumesAfterItsLastEventIdToo() {
        String name = unique("VisitorResume");
        String session = startChat(name, "hi").get("sessionId").asString();
        long chatId = chatIdOf(name);
        String lastSeen;
        try (SseClient visitor = visitorStream(session)) {
            api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", "r1"), asAdmin("alice"));
            lastSeen = visitor.next(e -> e.name().equals("message"), WAIT).id();
        }
        api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", "r2"), asAdmin("alice"));

        try (SseClient visitor = visitorStream(session, "Last-Event-ID", lastSeen)) {
            SseClient.Event missed = visitor.next(e -> e.name().equals("message"), WAIT);

            assertThat(missed.json().get("message").asString()).isEqualTo("r2");
        }
    }

    @Test
    void anUnknownLastEventIdAsksTheClientToResync() {
        try (SseClient admin = adminStream("Last-Event-ID", "previous-life-42")) {
            SseClient.Event e = admin.next(WAIT);

            assertThat(e.name()).isEqualTo("resync");
        }
    }

    @Test
    void idleStreamsReceiveKeepAliveComments() {
        try (SseClient admin = adminStream()) {
            assertThat(admin.nextComment(WAIT)).isEqualTo("keep-alive");
        }
    }

    @Test
    void presenceChangesArriveOnTheAdminStream() {
        try (SseClient admin = adminStream()) {
            api.post("/api/v1/admin/presence", Map.of("isOnline", true), asAdmin("bob"));
            api.post("/api/v1/admin/presence", Map.of("isOnline", false), asAdmin("bob"));

            SseClient.Event online = admin.next(e -> e.name().equals("presence")
                    && e.json().get("userId").asString().equals("bob"), WAIT);
            SseClient.Event offline = admin.next(e -> e.name().equals("presence")
                    && e.json().get("userId").asString().equals("bob"), WAIT);

            assertThat(online.json().get("isOnline").asBoolean()).isTrue();
            assertThat(offline.json().get("isOnline").asBoolean()).isFalse();
        }
    }

    @Test
    void departmentChangesArriveOnTheAdminStream() {
        String slug = "stream-" + Long.toString(System.nanoTime(), 36);
        try (SseClient admin = adminStream()) {
            api.post("/api/v1/admin/chat/departments", Map.of("name", "Dept " + slug, "slug", slug), asAdmin("alice"));

            SseClient.Event created = admin.next(e -> e.name().equals("department.changed")
                    && e.json().at("/after/slug").asString().equals(slug), WAIT);

            assertThat(created.json().get("before").isNull()).isTrue();
        }
    }
}
