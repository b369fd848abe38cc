package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Internal notes and transfers over real HTTP: a note never reaches the visitor (GET, live stream, replay after
 * {@code Last-Event-ID}); a transfer tells the visitor without the note and shows live on every admin's stream.
 */
class NotesAndTransferApiTest extends ApiTestBase {

    private static final String SECRET_NOTE = "INTERNAL-ONLY card ends 4242";

    private SseClient stream(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        SseClient client = SseClient.open(api.http(), b.build());
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.nextComment(WAIT)).isEqualTo("connected");
        return client;
    }

    private SseClient adminStream(String adminId) {
        return stream("/api/v1/admin/chat/stream", asAdmin(adminId));
    }

    private SseClient visitorStream(String sessionId, String... headers) {
        return stream("/api/v1/chat/stream?sessionId=" + sessionId, headers);
    }

    private Api.Response note(long chatId, String text) {
        return api.post("/api/v1/admin/chat/" + chatId + "/notes", Map.of("message", text), asAdmin("alice"));
    }

    private Api.Response transfer(long chatId, @Nullable String adminId, @Nullable String department,
            @Nullable String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("adminId", adminId);
        body.put("department", department);
        body.put("note", note);
        return api.post("/api/v1/admin/chat/" + chatId + "/transfer", body, asAdmin("alice"));
    }

    private Api.Response reply(long chatId, String text) {
        return api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", text), asAdmin("alice"));
    }

    private JsonNode visitorRead(String session) {
        Api.Response r = api.get("/api/v1/chat?sessionId=" + session);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    @Test
    void aNoteIsAnsweredToAdminsAndNeverInTheVisitorsRead() {
        String name = unique("Noted");
        String session = startChat(name, "Where is my parcel?").get("sessionId").asString();
        long chatId = chatIdOf(name);

        Api.Response created = note(chatId, SECRET_NOTE);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("messageType").asString()).isEqualTo("NOTE");
        assertThat(created.data().get("senderId").asString()).isEqualTo("alice");

        JsonNode admin = api.get("/api/v1/admin/chat?id=" + chatId, asAdmin("alice")).data();
        assertThat(admin.get("messages").toString()).contains(SECRET_NOTE);
        assertThat(admin.at("/chat/firstResponseAt").isNull()).isTrue();
        assertThat(admin.at("/chat/status").asString()).isEqualTo("WAITING");
        assertThat(admin.at("/chat/analytics/totalMessages").asLong()).isEqualTo(1);

        assertThat(visitorRead(session).toString()).doesNotContain("INTERNAL-ONLY");
        long first = visitorRead(session).at("/messages/0/id").asLong();
        assertThat(api.get("/api/v1/chat?sessionId=" + session + "&after=" + first).data().get("messages"))
                .isEmpty();
    }

    @Test
    void aNoteNeverReachesTheVisitorsStreamLiveOrReplayed() {
        String name = unique("Streamed note");
        String session = startChat(name, "hello").get("sessionId").asString();
        long chatId = chatIdOf(name);
        String lastSeen;
        try (SseClient visitor = visitorStream(session); SseClient admin = adminStream("alice")) {
            note(chatId, SECRET_NOTE);
            reply(chatId, "after the note");

            SseClient.Event adminNote = admin.next(e -> e.name().equals("message")
                    && e.json().at("/chat/id").asLong() == chatId, WAIT);
            assertThat(adminNote.json().at("/message/message").asString()).isEqualTo(SECRET_NOTE);
            assertThat(adminNote.json().at("/message/messageType").asString()).isEqualTo("NOTE");

            SseClient.Event first = visitor.next(e -> e.name().equals("message"), WAIT);
            assertThat(first.json().get("message").asString()).isEqualTo("after the note");
            lastSeen = first.id();
            assertThat(visitor.drain()).noneMatch(e -> e.data().contains("INTERNAL-ONLY"));
        }

        note(chatId, SECRET_NOTE + " again");
        reply(chatId, "second reply");
        try (SseClient visitor = visitorStream(session, "Last-Event-ID", lastSeen)) {
            StringBuilder replayed = new StringBuilder();
            SseClient.Event e;
            do {
                e = visitor.next(WAIT);
                replayed.append(e.name()).append(' ').append(e.data()).append('\n');
            } while (!e.name().equals("message"));
            assertThat(e.json().get("message").asString()).isEqualTo("second reply");
            assertThat(replayed.toString()).doesNotContain("INTERNAL-ONLY").doesNotContain("NOTE");
        }
    }

    @Test
    void aTransferShowsLiveOnBothAdminsStreamsAndTellsTheVisitorWithoutTheNote() {
        String name = unique("Transferred");
        String session = startChat(Map.of("visitorName", name, "message", "I want to upgrade")).get("sessionId")
                .asString();
        long chatId = chatIdOf(name);
        try (SseClient alice = adminStream("alice"); SseClient bob = adminStream("bob");
                SseClient visitor = visitorStream(session)) {
            Api.Response r = transfer(chatId, "bob", "sales", SECRET_NOTE);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.data().get("assignedTo").asString()).isEqualTo("bob");
            assertThat(r.data().get("department").asString()).isEqualTo("sales");

            for (SseClient admin : new SseClient[] {alice, bob}) {
                SseClient.Event t = admin.next(e -> e.name().equals("chat.transferred")
                        && e.json().at("/chat/id").asLong() == chatId, WAIT);
                assertThat(t.json().get("fromDepartment").asString()).isEqualTo("general");
                assertThat(t.json().get("transferredBy").asString()).isEqualTo("alice");
                assertThat(t.json().at("/chat/assignedTo").asString()).isEqualTo("bob");
            }
            SseClient.Event told = visitor.next(e -> e.name().equals("message"), WAIT);
            assertThat(told.json().get("sender").asString()).isEqualTo("SYSTEM");
            assertThat(told.json().get("message").asString())
                    .isEqualTo("Transferred from General Support to Bob Sales in Sales by Alice Admin");
            reply(chatId, "marker");
            SseClient.Event next = visitor.next(e -> e.name().equals("message"), WAIT);
            assertThat(next.json().get("message").asString()).isEqualTo("marker");
        }
        assertThat(visitorRead(session).toString()).contains("Transferred from General Support")
                .doesNotContain("INTERNAL-ONLY");
    }

    @Test
    void badTransfersAndNotesAreAnsweredInTheEnvelope() {
        String name = unique("Refused");
        startChat(name, "hi");
        long chatId = chatIdOf(name);

        expect(transfer(chatId, "mallory", null, null), 400, "mallory");
        expect(transfer(chatId, null, "nowhere", null), 400, "nowhere");
        expect(transfer(chatId, null, "general", null), 400, "already");
        expect(transfer(chatId, null, null, null), 400, "adminId");
        expect(transfer(chatId, "bob", "technical", null), 400, "does not serve");
        expect(transfer(999_999_999L, "bob", null, null), 404, "does not exist");
        expect(note(chatId, "  "), 400, "message");
        expect(note(999_999_999L, "hello"), 404, "does not exist");
        expect(api.post("/api/v1/admin/chat/abc/notes", Map.of("message", "hi"), asAdmin("alice")), 400, "id");
        assertThat(api.post("/api/v1/admin/chat/" + chatId + "/transfer", Map.of("department", "sales")).status())
                .isEqualTo(401);
        expect(api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", "x", "messageType", "NOTE"),
                asAdmin("alice")), 400, "notes");

        assertThat(setStatus(chatId, "CLOSED").status()).isEqualTo(200);
        expect(transfer(chatId, "bob", "sales", null), 409, "CLOSED");
    }

    private static void expect(Api.Response r, int status, String hint) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("success").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.errorMessage()).as(r.toString()).containsIgnoringCase(hint);
    }
}
