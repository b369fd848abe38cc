package dev.parley.chat.spring.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.jpa.JpaChatStore;
import dev.parley.chat.spring.http.Api;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import dev.parley.chat.spring.security.AdminTokens;
import java.time.Duration;

/** The whole chat over real HTTP on H2 through the JPA store, as a host with one database would run it. */
@SpringBootTest(classes = JpaHttpTest.Host.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:parley-http;DB_CLOSE_DELAY=-1",
                "parley.admins[0].id=alice",
                "spring.main.banner-mode=off"})
class JpaHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JpaChatStore store; // the application's store; Parley uses it through the webhooks' recording wrapper

    @Autowired
    AdminTokens tokens;

    @DynamicPropertySource
    static void secret(DynamicPropertyRegistry registry) {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        registry.add("parley.security.jwt-secret", () -> Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void aVisitorsChatIsStoredInTheDatabaseAndAnsweredByAnAdmin() {
        Api api = new Api(port);
        String[] admin = {"Authorization", "Bearer " + tokens.issue("alice", Duration.ofMinutes(5))};

        Api.Response started = api.post("/api/v1/chat", Map.of("visitorName", "Ada", "message", "Hello from H2"));
        String session = started.data().get("sessionId").asString();
        long chatId = api.get("/api/v1/admin/chat", admin).data().at("/items/0/chat/id").asLong();
        Api.Response reply = api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", "Hi Ada"), admin);
        Api.Response read = api.get("/api/v1/chat?sessionId=" + session);

        assertThat(store).isInstanceOf(JpaChatStore.class);
        assertThat(started.status()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(read.data().get("messages")).extracting(m -> m.get("message").asString())
                .containsExactly("Hello from H2", "Hi Ada");
        assertThat(read.data().get("status").asString()).isEqualTo("ACTIVE");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {}
}
