package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.parley.chat.spring.security.AdminTokens;

/** Parley's own JWT verification of admins (no Spring Security on the classpath): every refusal is a 401. */
class AdminAuthTest extends ApiTestBase {

    private static final String ADMIN_LIST = "/api/v1/admin/chat";

    @Autowired
    AdminTokens tokens;

    @Test
    void aValidTokenOfAKnownAdminIsAccepted() {
        Api.Response r = api.get(ADMIN_LIST, "Authorization", "Bearer " + TestTokens.valid(SECRET, "alice"));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void tokensIssuedByTheAdminTokensBeanAreAccepted() {
        Api.Response r = api.get(ADMIN_LIST, "Authorization", "Bearer " + tokens.issue("bob", Duration.ofMinutes(5)));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aMissingTokenIs401InTheEnvelope() {
        Api.Response r = api.get(ADMIN_LIST);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anExpiredTokenIs401() {
        Api.Response r = api.get(ADMIN_LIST, "Authorization", "Bearer " + TestTokens.expired(SECRET, "alice"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorMessage()).contains("expired");
    }

    @Test
    void aTokenSignedWithAnotherSecretIs401() {
        String forged = TestTokens.valid(TestTokens.randomSecret(), "alice");

        Api.Response r = api.get(ADMIN_LIST, "Authorization", "Bearer " + forged);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorMessage()).contains("signature");
    }

    @Test
    void anUnsignedAlgNoneTokenIs401() {
        Api.Response r = api.get(ADMIN_LIST, "Authorization", "Bearer " + TestTokens.algNone("alice"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedWithAnotherAlgorithmIs401() {
        String hs512 = TestTokens.signed(SECRET + SECRET, JWSAlgorithm.HS512,
                TestTokens.claims("alice", Instant.now().plusSeconds(600)));

        Api.Response r = api.get(ADMIN_LIST, "Authorization", "Bearer " + hs512);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorMessage()).contains("HS256");
    }

    @Test
    void aTokenWithoutExpiryOrGarbageOrAnotherSchemeIs401() {
        assertThat(api.get(ADMIN_LIST, "Authorization", "Bearer " + TestTokens.withoutExpiry(SECRET, "alice"))
                .errorMessage()).contains("exp");
        assertThat(api.get(ADMIN_LIST, "Authorization", "Bearer not.a.token").status()).isEqualTo(401);
        assertThat(api.get(ADMIN_LIST, "Authorization", "Basic YWxpY2U6c2VjcmV0").status()).isEqualTo(401);
    }

    @Test
    void aValidTokenOfSomeoneWhoIsNotAnAdminIs403() {
        Api.Response r = api.get(ADMIN_LIST, "Authorization", "Bearer " + TestTokens.valid(SECRET, "mallory"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theAdminTokenIsNeverAcceptedInTheUrl() {
        String token = TestTokens.valid(SECRET, "alice");

        Api.Response list = api.get(ADMIN_LIST + "?access_token=" + token);
        try (SseClient stream = SseClient.open(api.http(), HttpRequest.newBuilder(
                java.net.URI.create(api.base() + "/api/v1/admin/chat/stream?access_token=" + token)).build())) {
            assertThat(stream.status()).isEqualTo(401);
        }
        assertThat(list.status()).isEqualTo(401);
    }

    @Test
    void everyAdminEndpointRefusesAnonymousCallers() {
        assertThat(api.get("/api/v1/admin/chat/analytics").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/chat/departments").status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/admin/chat/knowledge-base?id=1").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/presence", java.util.Map.of()).status()).isEqualTo(401);
        assertThat(api.patch("/api/v1/admin/chat", java.util.Map.of()).status()).isEqualTo(401);
        try (SseClient stream = SseClient.open(api.http(), HttpRequest.newBuilder(
                java.net.URI.create(api.base() + "/api/v1/admin/chat/stream")).build())) {
            assertThat(stream.status()).isEqualTo(401);
        }
    }
}
