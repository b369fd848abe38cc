package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.chat.spring.web.StreamLimits;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Live streams are bounded per session, per address and in total for visitors, with a rate of openings; admins keep
 * their own budget. A node of 12 streams, 2 of them kept for admins.
 */
@TestPropertySource(properties = {
        "parley.sse.max-clients=12",
        "parley.sse.keep-alive=200ms",
        "parley.web.streams.admin-streams=2",
        "parley.web.streams.per-session=3",
        "parley.web.streams.per-address=6",
        "parley.web.streams.opens.capacity=8",
        "parley.web.streams.opens.refill-period=100d"})
class StreamLimitsTest extends ApiTestBase {

    @Autowired
    StreamLimits limits;

    private final List<SseClient> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        await().atMost(WAIT).until(() -> limits.openVisitorStreams() == 0);
    }

    @Test
    void oneSessionHoldsAHandfulOfStreams() {
        String session = session();
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            visitorStream(session, address);
        }

        Api.Response fourth = refused(session, address);

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(fourth.errorMessage()).contains("this chat already has 3");
        assertThat(fourth.header("Retry-After")).isNotBlank();
    }

    @Test
    void oneAddressHoldsABoundedNumberOfStreams() {
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            String session = session();
            visitorStream(session, address);
            visitorStream(session, address);
        }
        String another = session();

        Api.Response seventh = refused(another, address);

        assertThat(seventh.status()).isEqualTo(429);
        assertThat(seventh.errorMessage()).contains("from your address");
        visitorStream(another, freshAddress());
    }

    @Test
    void visitorsFillTheirBudgetAndAdminsStillGetIn() {
        for (int i = 0; i < 5; i++) {
            String session = session();
            String address = freshAddress();
            visitorStream(session, address);
            visitorStream(session, address);
        }

        Api.Response eleventh = refused(session(), freshAddress());
        SseClient admin = track(SseClient.open(api.http(), HttpRequest.newBuilder(URI.create(api.base()
                + "/api/v1/admin/chat/stream")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.valid(SECRET, "alice")).build()));

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.errorMessage()).contains("too many live connections on this server");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.nextComment(WAIT)).isEqualTo("connected");
    }

    @Test
    void openingStreamsIsRateLimitedPerAddress() {
        String address = freshAddress();
        String session = session();
        for (int round = 0; round < 4; round++) {
            SseClient a = visitorStream(session, address);
            SseClient b = visitorStream(session, address);
            a.close();
            b.close();
            await().atMost(WAIT).until(() -> limits.openVisitorStreams() == 0);
        }

        Api.Response ninth = refused(session, address);

        assertThat(ninth.status()).isEqualTo(429);
        assertThat(ninth.errorMessage()).contains("opened too often");
    }

    private String session() {
        return startChat(unique("Streamer"), "hi").get("sessionId").asString();
    }

    private SseClient visitorStream(String session, String address) {
        SseClient client = track(SseClient.open(api.http(), HttpRequest.newBuilder(URI.create(api.base()
                + "/api/v1/chat/stream?sessionId=" + session)).header("Accept", "text/event-stream")
                .header("X-Forwarded-For", address).build()));
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.nextComment(WAIT)).isEqualTo("connected");
        return client;
    }

    private Api.Response refused(String session, String address) {
        return api.get("/api/v1/chat/stream?sessionId=" + session, "Accept", "text/event-stream",
                "X-Forwarded-For", address);
    }

    private SseClient track(SseClient client) {
        open.add(client);
        return client;
    }
}
