package dev.parley.examples.formlogin;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application signing its staff in with Spring Security's form login, following the recipe of
 * docs/spring-boot.md ("Form login"), plus the line docs/ui.md suggests: {@code /parley/admin/**} needs a signed-in
 * user, so that the host's login page comes first and brings the admin back to the dashboard. Its users are the
 * demo's admins (ada, grace; password {@code pw-<id>}) with the authority Parley asks for, and carol, who is not an
 * admin. It is outside the demo's package so that the demo's component scan never finds it; its tests run in their
 * own surefire execution, the only one with Spring Security on the class path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class FormLoginHost {

    /** The recipe's chain; the first matcher is the one addition. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/parley/admin/**").authenticated()
                        .requestMatchers("/", "/parley/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .csrf(c -> c.spa())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.pathPattern("/api/**")))
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("ada").password("{noop}pw-ada").roles("PARLEY_ADMIN").build(),
                User.withUsername("grace").password("{noop}pw-grace").roles("PARLEY_ADMIN").build(),
                User.withUsername("carol").password("{noop}pw-carol").roles("USER").build());
    }

    /** The host's public page, with the widget in one script tag (registered as a member class). */
    @RestController
    static class HomePage {

        @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
        String home() {
            return """
                    <!doctype html>
                    <html lang="en">
                    <head><meta charset="utf-8"><title>Fjord Bikes</title></head>
                    <body>
                      <main><h1>Fjord Bikes</h1><p>Bicycles for every weather.</p></main>
                      <script src="/parley/widget.js" defer data-title="Fjord Bikes help"></script>
                    </body>
                    </html>
                    """;
        }
    }
}
