package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.store.ChatStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The widget's "Email me the replies" over HTTP: {@code emailReplies} is kept only with an address. */
class EmailOptInTest extends ApiTestBase {

    @Autowired
    ChatStore store;

    private boolean optedIn(Map<String, ?> body) {
        String session = startChat(body).get("sessionId").asString();
        return store.chats().findBySessionId(session).orElseThrow().visitorEmailReplies();
    }

    @Test
    void theOptInIsKeptOnlyWhenTheVisitorLeftAnAddress() {
        assertThat(optedIn(Map.of("visitorName", "Olga", "visitorEmail", "olga@example.test", "message", "Hi",
                "emailReplies", true))).isTrue();
        assertThat(optedIn(Map.of("visitorName", "Olga", "visitorEmail", "olga@example.test", "message", "Hi")))
                .isFalse();
        assertThat(optedIn(Map.of("visitorName", "Olga", "message", "Hi", "emailReplies", true))).isFalse();
        assertThat(optedIn(Map.of("visitorName", "Olga", "visitorEmail", "olga@example.test", "message", "Hi",
                "emailReplies", false))).isFalse();
    }

    @Test
    void anOptInThatIsNotABooleanIs400InTheEnvelope() {
        Api.Response r = api.post("/api/v1/chat", Map.of("visitorName", "Olga", "visitorEmail", "olga@example.test",
                "message", "Hi", "emailReplies", Map.of("yes", 1)), "X-Forwarded-For", freshAddress());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
    }
}
