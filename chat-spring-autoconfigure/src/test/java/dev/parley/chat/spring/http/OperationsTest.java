package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health indicators and metrics of a running application. */
class OperationsTest extends ApiTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void healthShowsTheOutboxAndTheStorage() {
        Api.Response r = api.get("/actuator/health");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/components/parleyOutbox/status").asString()).isEqualTo("UP");
        assertThat(r.json().at("/components/parleyOutbox/details").has("pending")).isTrue();
        assertThat(r.json().at("/components/parleyOutbox/details").has("failed")).isTrue();
        assertThat(r.json().at("/components/parleyStorage/status").asString()).isEqualTo("UP");
        assertThat(r.json().at("/components/parleyStorage/details/writable").asBoolean()).isTrue();
    }

    @Test
    void chatsAndMessagesAreCounted() {
        double chatsBefore = meters.get("parley.chats.started").counter().count();
        double visitorMessagesBefore = meters.get("parley.messages").tag("sender", "visitor").counter().count();

        String session = startChat(unique("Metered"), "one").get("sessionId").asString();
        continueChat(session, "two");

        assertThat(meters.get("parley.chats.started").counter().count()).isEqualTo(chatsBefore + 1);
        assertThat(meters.get("parley.messages").tag("sender", "visitor").counter().count())
                .isEqualTo(visitorMessagesBefore + 2);
        assertThat(meters.get("parley.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.get("parley.notifications.sent").functionCounter()).isNotNull();
        assertThat(meters.get("parley.sse.clients").tag("stream", "admin").gauge().value()).isGreaterThanOrEqualTo(0);
    }
}
