package dev.parley.chat.spring.springsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.ParleyAutoConfigurations;
import dev.parley.chat.spring.security.AdminAuthenticator;
import dev.parley.chat.spring.security.JwtAdminAuthenticator;
import dev.parley.chat.spring.security.SpringSecurityAdminAuthenticator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/** Runs with Spring Security on the classpath (a surefire execution of its own). */
class SpringSecurityConditionsTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with())
            .withPropertyValues("parley.store=memory");

    @Test
    void withSpringSecurityAdminsAreItsAuthenticatedPrincipals() {
        web.run(context -> {
            assertThat(context.getBean(AdminAuthenticator.class)).isInstanceOf(SpringSecurityAdminAuthenticator.class);
            // the visitor API and the widget's files are public; the dashboard stays the host's
            assertThat(context.getBeansOfType(WebSecurityCustomizer.class))
                    .containsOnlyKeys("parleyPublicEndpoints", "parleyPublicWidget");
        });
    }

    @Test
    void thePublicEndpointsAreLeftToTheApplicationWhenAskedFor() {
        web.withPropertyValues("parley.security.permit-public-endpoints=false").run(context ->
                assertThat(context).doesNotHaveBean(WebSecurityCustomizer.class));
    }

    @Test
    void withoutSpringSecurityParleysJwtVerifierIsUsed() {
        web.withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AdminAuthenticator.class)).isInstanceOf(JwtAdminAuthenticator.class);
        });
    }
}
