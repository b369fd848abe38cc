package dev.parley.chat.spring.springsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.spring.security.AdminTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

/** With Spring Security, Parley issues no tokens: code that needs AdminTokens stops the start and is told why. */
@ExtendWith(OutputCaptureExtension.class)
class AdminTokensWithSpringSecurityTest {

    @Test
    void aBeanThatNeedsAdminTokensIsToldThatSpringSecurityAuthenticatesAdmins(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Host.class, TokenIssuer.class)
                .web(WebApplicationType.NONE)
                .properties("parley.store=memory", "spring.main.banner-mode=off",
                        "parley.security.jwt-secret=0123456789abcdef0123456789abcdef0123456789",
                        "spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
                .run().close()).isInstanceOf(Exception.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("which does not exist when Spring Security is on the classpath")
                .contains("Admins with Spring Security");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {}

    static class TokenIssuer {
        @Bean
        String issuedAtStart(AdminTokens tokens) {
            return tokens.issue("alice", Duration.ofMinutes(1));
        }
    }
}
