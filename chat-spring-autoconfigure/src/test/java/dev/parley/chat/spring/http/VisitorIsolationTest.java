package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session id is the visitor's credential: guessed or altered ids get a 404 that tells nothing. */
class VisitorIsolationTest extends ApiTestBase {

    private static String guessedSessionId() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String altered(String sessionId) {
        char last = sessionId.charAt(sessionId.length() - 1);
        return sessionId.substring(0, sessionId.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    @Test
    void readingWithAGuessedOrAlteredSessionIdIs404AndLeaksNothing() {
        String session = startChat(unique("Victim"), "my card number is private").get("sessionId").asString();

        Api.Response guessed = api.get("/api/v1/chat?sessionId=" + guessedSessionId());
        Api.Response alteredId = api.get("/api/v1/chat?sessionId=" + altered(session));
        Api.Response malformed = api.get("/api/v1/chat?sessionId=1");

        for (Api.Response r : new Api.Response[] {guessed, alteredId, malformed}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).doesNotContain("private").doesNotContain("Victim").doesNotContain(session);
        }
        assertThat(alteredId.text()).isEqualTo(guessed.text()).isEqualTo(malformed.text());
    }

    @Test
    void writingRatingAndUploadingWithAGuessedSessionIdIs404() {
        String guess = guessedSessionId();

        Api.Response write = api.post("/api/v1/chat", Map.of("sessionId", guess, "message", "hi"));
        Api.Response rate = api.post("/api/v1/chat/rate", Map.of("sessionId", guess, "rating", 1));

        assertThat(write.status()).isEqualTo(404);
        assertThat(rate.status()).isEqualTo(404);
    }

    @Test
    void aGuessedSessionIdCannotOpenAStream() {
        try (SseClient stream = SseClient.open(api.http(), HttpRequest.newBuilder(
                URI.create(api.base() + "/api/v1/chat/stream?sessionId=" + guessedSessionId())).build())) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void oneVisitorsReadNeverShowsAnotherVisitorsMessages() {
        String a = startChat(unique("Alpha"), "alpha secret").get("sessionId").asString();
        String b = startChat(unique("Beta"), "beta text").get("sessionId").asString();

        Api.Response read = api.get("/api/v1/chat?sessionId=" + b);

        assertThat(read.text()).contains("beta text").doesNotContain("alpha secret").doesNotContain(a);
    }

    @Test
    void visitorsNeverSeeAdminIds() {
        String name = unique("NoIds");
        String session = startChat(name, "hi").get("sessionId").asString();
        api.post("/api/v1/admin/chat", Map.of("chatId", chatIdOf(name), "message", "hello from support"),
                asAdmin("alice"));

        Api.Response read = api.get("/api/v1/chat?sessionId=" + session);

        assertThat(read.text()).contains("hello from support").contains("Alice Admin").doesNotContain("senderId")
                .doesNotContain("\"alice\"");
    }
}
