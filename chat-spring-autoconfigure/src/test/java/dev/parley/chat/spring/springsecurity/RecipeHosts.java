package dev.parley.chat.spring.springsecurity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the recipe tests' hosts share: their users and a public home page. */
final class RecipeHosts {

    private RecipeHosts() {}

    static String[] basic(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    /** Alice is an admin; Carol is a user of the host without the admin authority. */
    static class Users {
        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}pw-alice").roles("PARLEY_ADMIN").build(),
                    User.withUsername("carol").password("{noop}pw-carol").roles("USER").build());
        }
    }

    /** The host's public page, where the widget would be. */
    @RestController
    static class HomePage {
        @GetMapping("/")
        String home() {
            return "Welcome";
        }
    }
}
