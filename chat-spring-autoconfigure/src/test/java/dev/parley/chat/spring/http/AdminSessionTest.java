package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.security.AdminTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin's token over HTTP (JWT mode): the event stream opens with a one-use, short-lived ticket instead of the
 * token in its URL, and signing out revokes the token.
 */
class AdminSessionTest extends ApiTestBase {

    private static final String TICKET = "/api/v1/admin/chat/stream-ticket";
    private static final String STREAM = "/api/v1/admin/chat/stream";

    @Autowired
    AdminTokens tokens;

    private SseClient stream(String query) {
        return SseClient.open(api.http(), HttpRequest.newBuilder(URI.create(api.base() + STREAM + query))
                .header("Accept", "text/event-stream").build());
    }

    private String ticket(String token) {
        Api.Response r = api.post(TICKET, Map.of(), "Authorization", "Bearer " + token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(Instant.parse(r.data().get("expiresAt").asString()))
                .isBetween(Instant.now(), Instant.now().plusSeconds(31));
        return r.data().get("ticket").asString();
    }

    @Test
    void aTicketOpensTheStreamOnceAndIsRefusedWhenUsedAgain() {
        String ticket = ticket(tokens.issue("alice", Duration.ofMinutes(5)));

        try (SseClient first = stream("?ticket=" + ticket)) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).startsWith("text/event-stream");
            try (SseClient again = stream("?ticket=" + ticket)) {
                assertThat(again.status()).isEqualTo(401);
            }
        }
        try (SseClient afterwards = stream("?ticket=" + ticket)) {
            assertThat(afterwards.status()).isEqualTo(401);
        }
    }

    @Test
    void anExpiredTicketIsRefused() {
        String expired = tokens.issueStreamTicket("alice", Duration.ofMinutes(-2)).ticket();

        try (SseClient s = stream("?ticket=" + expired)) {
            assertThat(s.status()).isEqualTo(401);
        }
    }

    @Test
    void aTicketIsNoBearerTokenAndATicketNeedsAnAdmin() {
        String ticket = tokens.issueStreamTicket("alice", Duration.ofSeconds(30)).ticket();

        Api.Response r = api.get("/api/v1/admin/chat", "Authorization", "Bearer " + ticket);
        Api.Response anonymous = api.post(TICKET, Map.of());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorMessage()).contains("not an admin token");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void signingOutRevokesTheTokenForEveryEndpoint() {
        String token = tokens.issue("bob", Duration.ofMinutes(5));
        assertThat(api.get("/api/v1/admin/chat", "Authorization", "Bearer " + token).status()).isEqualTo(200);

        Api.Response out = api.post("/api/v1/admin/sign-out", Map.of(), "Authorization", "Bearer " + token);

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.data().get("revoked").asBoolean()).isTrue();
        Api.Response after = api.get("/api/v1/admin/chat", "Authorization", "Bearer " + token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(after.errorMessage()).contains("signed out");
        assertThat(api.post(TICKET, Map.of(), "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/sign-out", Map.of(), "Authorization", "Bearer " + token).status())
                .isEqualTo(401);
    }
}
