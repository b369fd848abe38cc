package dev.parley.chat.spring.springsecurity;

import static dev.parley.chat.spring.springsecurity.RecipeHosts.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.http.Api;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The HTTP Basic recipe of docs/spring-boot.md, exactly as written there, over real HTTP. */
@SpringBootTest(classes = HttpBasicRecipeTest.BasicHost.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "parley.store=memory",
                "parley.admins[0].id=alice",
                "parley.admins[0].name=Alice Admin",
                "spring.main.banner-mode=off",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class HttpBasicRecipeTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void createClient() {
        api = new Api(port);
    }

    @Test
    void visitorsReachThePageAndThePublicApiWithoutLoggingIn() {
        Api.Response page = api.get("/");
        Api.Response start = api.post("/api/v1/chat", Map.of("visitorName", "Ada", "message", "hi"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
    }

    @Test
    void anAdminChangesStateWithBasicCredentialsAndNoCsrfToken() {
        String session = api.post("/api/v1/chat", Map.of("visitorName", "Basic Visitor", "message", "hello"))
                .data().get("sessionId").asString();
        long chatId = api.get("/api/v1/admin/chat?text=Basic%20Visitor", basic("alice")).data()
                .at("/items/0/chat/id").asLong();

        Api.Response reply = api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", "Hello!"),
                basic("alice"));
        Api.Response resolve = api.patch("/api/v1/admin/chat", Map.of("chatId", chatId, "status", "RESOLVED"),
                basic("alice"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(resolve.status()).as(resolve.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/chat?sessionId=" + session).data().get("status").asString())
                .isEqualTo("RESOLVED");
    }

    @Test
    void whatACrossSiteFormCouldSendIsRefusedBecauseTheAdminApiTakesOnlyJson() {
        // a form on another site can POST text/plain or form data with the browser's cached Basic credentials
        Api.Response plain = api.raw("POST", "/api/v1/admin/chat", "text/plain",
                "{\"chatId\":1,\"message\":\"forged\"}".getBytes(StandardCharsets.UTF_8), basic("alice"));
        Api.Response form = api.raw("POST", "/api/v1/admin/chat", "application/x-www-form-urlencoded",
                "chatId=1&message=forged".getBytes(StandardCharsets.UTF_8), basic("alice"));

        assertThat(plain.status()).isEqualTo(415);
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void anonymousCallsAre401AndUsersWithoutTheAuthority403InTheEnvelope() {
        Api.Response anonymous = api.get("/api/v1/admin/chat");
        Api.Response carol = api.get("/api/v1/admin/chat", basic("carol"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(carol.status()).isEqualTo(403);
        assertThat(carol.errorMessage()).contains("ROLE_PARLEY_ADMIN");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({RecipeHosts.Users.class, RecipeHosts.HomePage.class})
    static class BasicHost {

        // docs/spring-boot.md, "HTTP Basic": keep the two equal
        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http
                    .authorizeHttpRequests(a -> a
                            .requestMatchers("/", "/parley/**", "/error").permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(c -> c.ignoringRequestMatchers("/api/v1/admin/**"))
                    .build();
        }
    }
}
