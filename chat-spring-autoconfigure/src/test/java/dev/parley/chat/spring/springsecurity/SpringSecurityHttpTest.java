package dev.parley.chat.spring.springsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

import dev.parley.chat.spring.http.Api;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** A host secured by Spring Security (HTTP Basic here): its principals are Parley's admins. */
@SpringBootTest(classes = SpringSecurityHttpTest.SecuredHost.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "parley.store=memory",
                "parley.admins[0].id=alice",
                "parley.admins[0].name=Alice Admin",
                "spring.main.banner-mode=off",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class SpringSecurityHttpTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void createClient() {
        api = new Api(port);
    }

    private static String[] basic(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    @Test
    void visitorsUseThePublicEndpointsWithoutLoggingIn() {
        Api.Response start = api.post("/api/v1/chat", Map.of("visitorName", "Ada", "message", "hi"));
        Api.Response search = api.get("/api/v1/chat/knowledge-base?q=refund");

        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        assertThat(search.status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersAreStoppedBySpringSecurity() {
        assertThat(api.get("/api/v1/admin/chat").status()).isEqualTo(401);
    }

    @Test
    void anAuthenticatedPrincipalWithTheAuthorityIsTheAdminOfTheSameName() {
        Api.Response list = api.get("/api/v1/admin/chat", basic("alice"));
        Api.Response beat = api.post("/api/v1/admin/presence", Map.of("isOnline", false), basic("alice"));

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(beat.status()).as(beat.toString()).isEqualTo(200);
        assertThat(beat.data().get("userId").asString()).isEqualTo("alice");
    }

    @Test
    void aPrincipalWithoutTheAuthorityIs403() {
        Api.Response r = api.get("/api/v1/admin/chat", basic("carol"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(r.errorMessage()).contains("ROLE_PARLEY_ADMIN");
    }

    @Test
    void aPrincipalWithTheAuthorityButNotInTheDirectoryIs403() {
        Api.Response r = api.get("/api/v1/admin/chat", basic("mallory"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorMessage()).contains("mallory");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SecuredHost {

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .httpBasic(withDefaults())
                    .csrf(c -> c.ignoringRequestMatchers("/api/v1/admin/**"))
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}pw-alice").authorities("ROLE_PARLEY_ADMIN").build(),
                    User.withUsername("carol").password("{noop}pw-carol").authorities("ROLE_USER").build(),
                    User.withUsername("mallory").password("{noop}pw-mallory").authorities("ROLE_PARLEY_ADMIN")
                            .build());
        }
    }
}
