package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON bodies are bounded before they are buffered: 413 TOO_LARGE in the envelope, the rest left unread. */
class BodyLimitsTest extends ApiTestBase {

    private static final long MB = 1024 * 1024;

    @Test
    void aDeclared20MbBodyIsAnsweredBeforeTheClientHasSentIt() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.head("POST", "/api/v1/chat", "Content-Type: application/json", "Content-Length: " + 20 * MB)
                    .body(64 * 1024, false);

            RawHttp.Answer answer = http.answer();

            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.body()).contains("\"success\":false", "\"code\":\"TOO_LARGE\"", "1 MB");
            assertThat(http.bodyBytesSent()).isEqualTo(64 * 1024); // answered with 99.7% of the body never sent
        }
    }

    @Test
    void aChunkedBodyIsCountedWhileReadAndRefusedAtTheLimit() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.head("POST", "/api/v1/chat", "Content-Type: application/json", "Transfer-Encoding: chunked");
            http.body(MB + 128 * 1024, true); // past the 1 MB limit, and never finished (no last chunk)

            RawHttp.Answer answer = http.answer();

            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.body()).contains("\"code\":\"TOO_LARGE\"", "larger than the limit of 1 MB");
        }
    }

    @Test
    void aStringOverTheLimitIsRefused() {
        Api.Response r = api.post("/api/v1/chat", Map.of("visitorName", "Ada", "message", "x".repeat(200_001)),
                "X-Forwarded-For", freshAddress());

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("TOO_LARGE");
        assertThat(r.errorMessage()).contains("String value length").contains("200000").doesNotContain("`");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String body = "{\"visitorName\":\"Ada\",\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}";

        Api.Response r = api.post("/api/v1/chat", body, "X-Forwarded-For", freshAddress());

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("TOO_LARGE");
        assertThat(r.errorMessage()).contains("nesting depth");
    }

    @Test
    void theLargestLegitimateRequestFitsTheDefaults() {
        // an article of 50,000 characters, each written as a six-byte JSON escape: about 300 KB
        String content = "\\u00e9".repeat(50_000);
        String body = "{\"title\":\"" + unique("Big") + "\",\"content\":\"" + content + "\",\"isPublished\":false}";

        Api.Response r = api.post("/api/v1/admin/chat/knowledge-base", body, asAdmin("alice"));

        assertThat(r.status()).as(r.errorMessage()).isEqualTo(201);
        assertThat(r.data().get("content").asString()).hasSize(50_000);
    }
}
