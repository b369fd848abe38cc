package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.SessionIds;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Rate limits count only real callers: made-up session ids are refused before they take a token. Messages refill
 * so slowly here that a limited visitor stays limited however long the machine takes.
 */
@TestPropertySource(properties = {
        "parley.web.rate-limit.messages.refill-period=100d",
        "parley.web.rate-limit.upload-bytes.capacity=1KB",
        "parley.web.rate-limit.upload-bytes.refill-period=100d"})
class RateLimitTest extends ApiTestBase {

    @Test
    void tenThousandJunkSessionIdsNeitherCountNorResetARealVisitorsLimit() {
        String session = startChat(unique("Limited"), "hello").get("sessionId").asString();
        for (int i = 0; i < 30; i++) {
            continueChat(session, "message " + i);
        }
        assertThat(api.post("/api/v1/chat", Map.of("sessionId", session, "message", "over")).status())
                .isEqualTo(429);
        SessionIds ids = new SessionIds();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Api junkClient = new Api(port); // one client (its HttpClient is thread-safe): a client each leaks descriptors

        IntStream.range(0, 10_000).parallel().forEach(i -> {
            String junk = i % 2 == 0 ? ids.next() : "junk-" + i;
            int status = junkClient.post("/api/v1/chat", Map.of("sessionId", junk, "message", "x")).status();
            statuses.merge(status, 1, Integer::sum);
        });

        Api.Response after = api.post("/api/v1/chat", Map.of("sessionId", session, "message", "still over"));
        assertThat(statuses).isEqualTo(Map.of(404, 10_000));
        assertThat(after.status()).isEqualTo(429);
        assertThat(after.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(after.header("Retry-After")).isNotBlank();
    }

    @Test
    void chatStartsFromOneIpv6Slash64AreCountedTogether() {
        for (int i = 1; i <= 5; i++) {
            Api.Response r = api.post("/api/v1/chat", Map.of("visitorName", "Six", "message", "hi"),
                    "X-Forwarded-For", "2001:db8:77:1::" + i);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }

        Api.Response sixth = api.post("/api/v1/chat", Map.of("visitorName", "Six", "message", "hi"),
                "X-Forwarded-For", "2001:db8:77:1:abcd::6");
        Api.Response otherNetwork = api.post("/api/v1/chat", Map.of("visitorName", "Six", "message", "hi"),
                "X-Forwarded-For", "2001:db8:77:2::1");

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(otherNetwork.status()).isEqualTo(200);
    }

    @Test
    void anUploadWithAMadeUpSessionIdIsRefusedBeforeItCounts() {
        Api.Response r = api.upload("/api/v1/chat/upload", Map.of("sessionId", new SessionIds().next()), "a.txt",
                "text/plain", "hello".getBytes());

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void oneAddressUploadsNoMoreThanItsQuota() throws java.io.IOException {
        byte[] png = UploadTest.png();
        String address = freshAddress();
        int accepted = 0;
        Api.Response last = null;
        for (int i = 0; i < 100 && (last == null || last.status() == 200); i++) {
            String session = startChat(unique("Uploader"), "hi").get("sessionId").asString();
            last = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "p.png", "image/png", png,
                    "X-Forwarded-For", address);
            accepted += last.status() == 200 ? 1 : 0;
        }
        String session = startChat(unique("Uploader"), "hi").get("sessionId").asString();
        Api.Response elsewhere = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "p.png",
                "image/png", png, "X-Forwarded-For", freshAddress());

        assertThat(accepted).isEqualTo((int) (1024 / png.length));
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.errorMessage()).contains("uploaded too much");
        assertThat(elsewhere.status()).isEqualTo(200);
    }
}
