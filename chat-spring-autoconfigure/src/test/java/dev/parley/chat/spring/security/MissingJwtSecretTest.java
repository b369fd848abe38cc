package dev.parley.chat.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.spring.http.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A host without {@code parley.security.jwt-secret} (and without Spring Security): it starts and its admin endpoints
 * refuse every call, both saying which property to set; a bean of its own that needs {@link AdminTokens} stops the
 * start with an explanation that names the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingJwtSecretTest {

    private static final String[] PROPERTIES = {
            "parley.store=memory",
            "parley.admins[0].id=alice",
            "server.port=0",
            "spring.main.banner-mode=off",
            "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"};

    @Test
    void withoutTheSecretTheApplicationStartsAndRefusesAdminCallsNamingTheProperty(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Host.class)
                .properties(PROPERTIES).run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api api = new Api(port);

            Api.Response admin = api.get("/api/v1/admin/chat", "Authorization", "Bearer anything");
            Api.Response visitor = api.get("/api/v1/chat/departments");

            assertThat(admin.status()).isEqualTo(401);
            assertThat(admin.errorMessage()).contains("parley.security.jwt-secret");
            assertThat(visitor.status()).isEqualTo(200);
            assertThat(output.getOut()).contains("parley.security.jwt-secret is not set");
        }
    }

    @Test
    void aBeanThatNeedsAdminTokensStopsTheStartWithAMessageNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Host.class, TokenIssuer.class).properties(PROPERTIES)
                .run().close()).isInstanceOf(Exception.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("needs Parley's AdminTokens, which exists only when parley.security.jwt-secret is set")
                .contains("export PARLEY_SECURITY_JWT_SECRET=");
    }

    @Test
    void withTheSecretTheSameBeanGetsAdminTokens() {
        String secret = "0123456789abcdef0123456789abcdef0123456789";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Host.class, TokenIssuer.class)
                .properties(PROPERTIES).properties("parley.security.jwt-secret=" + secret).run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String token = context.getBean(AdminTokens.class).issue("alice", Duration.ofMinutes(5));

            Api.Response admin = new Api(port).get("/api/v1/admin/chat", "Authorization", "Bearer " + token);

            assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {}

    /** The application's own code that issues admin tokens, as in the getting-started guide. */
    static class TokenIssuer {
        @Bean
        String issuedAtStart(AdminTokens tokens) {
            return tokens.issue("alice", Duration.ofMinutes(1));
        }
    }
}
