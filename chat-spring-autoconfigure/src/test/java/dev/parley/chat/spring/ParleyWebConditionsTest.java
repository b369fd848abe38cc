package dev.parley.chat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.security.AdminAuthenticator;
import dev.parley.chat.spring.security.AdminTokens;
import dev.parley.chat.spring.security.JwtAdminAuthenticator;
import dev.parley.chat.spring.sse.ChatStreamHub;
import dev.parley.chat.spring.web.ChatViews;
import dev.parley.chat.spring.web.ParleyRateLimits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conditions of the HTTP API, admin authentication, streams, health and metrics. */
class ParleyWebConditionsTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256!";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with())
            .withPropertyValues("parley.store=memory");

    @Test
    void aServletApplicationGetsTheHttpApiAndTheStreams() {
        web.run(context -> {
            assertThat(context).hasBean("parleyVisitorChatController").hasBean("parleyAdminChatController")
                    .hasBean("parleyAdminCatalogController").hasBean("parleyErrorResolver")
                    .hasBean("parleyChatStreamController").hasBean("parleyLocalFilesController");
            assertThat(context).hasSingleBean(ChatStreamHub.class).hasSingleBean(ParleyRateLimits.class)
                    .hasSingleBean(ChatViews.class);
        });
    }

    @Test
    void theHttpApiCanBeSwitchedOffKeepingTheServices() {
        web.withPropertyValues("parley.web.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("parleyVisitorChatController")
                    .doesNotHaveBean("parleyLocalFilesController").doesNotHaveBean(ChatStreamHub.class);
            assertThat(context).hasSingleBean(dev.parley.chat.ChatService.class);
        });
    }

    @Test
    void servingLocalFilesCanBeSwitchedOff() {
        web.withPropertyValues("parley.files.local.serve=false").run(context ->
                assertThat(context).doesNotHaveBean("parleyLocalFilesController")
                        .hasBean("parleyVisitorChatController"));
    }

    @Test
    void anApplicationWithoutAWebServerGetsNoHttpApi() {
        new ApplicationContextRunner().withConfiguration(ParleyAutoConfigurations.with())
                .withPropertyValues("parley.store=memory").run(context -> {
                    assertThat(context).doesNotHaveBean("parleyVisitorChatController")
                            .doesNotHaveBean(ChatStreamHub.class);
                    assertThat(context).hasSingleBean(dev.parley.Parley.class);
                });
    }

    @Test
    void withoutSpringSecurityAdminsAreVerifiedByJwtAndWithoutASecretNoTokensAreIssued() {
        web.run(context -> {
            assertThat(context.getBean(AdminAuthenticator.class)).isInstanceOf(JwtAdminAuthenticator.class);
            assertThat(context).doesNotHaveBean(AdminTokens.class);
        });
    }

    @Test
    void withASecretAdminTokensAreIssued() {
        web.withPropertyValues("parley.security.jwt-secret=" + SECRET).run(context ->
                assertThat(context).hasSingleBean(AdminTokens.class));
    }

    @Test
    void aSecretShorterThan32BytesStopsStartUp() {
        web.withPropertyValues("parley.security.jwt-secret=too-short").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 32 bytes");
        });
    }

    @Test
    void anApplicationsAuthenticatorReplacesParleys() {
        web.withUserConfiguration(OwnAuthenticator.class).run(context -> {
            assertThat(context).hasSingleBean(AdminAuthenticator.class);
            assertThat(context.getBean(AdminAuthenticator.class)).isSameAs(OwnAuthenticator.AUTH);
        });
    }

    @Test
    void healthIndicatorsAndMetricsAreThereWhenTheirLibrariesAre() {
        web.run(context -> assertThat(context).hasBean("parleyOutboxHealthIndicator")
                .hasBean("parleyStorageHealthIndicator").hasBean("parleyMetrics"));
    }

    @Test
    void withoutActuatorThereAreNoHealthIndicators() {
        web.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("parleyOutboxHealthIndicator")
                    .doesNotHaveBean("parleyStorageHealthIndicator");
        });
    }

    @Test
    void healthIndicatorsCanBeSwitchedOff() {
        web.withPropertyValues("management.health.parley.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean("parleyOutboxHealthIndicator"));
    }

    @Test
    void withoutMicrometerThereAreNoMetrics() {
        web.withClassLoader(new FilteredClassLoader(MeterBinder.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("parleyMetrics");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAuthenticator {
        static final AdminAuthenticator AUTH = (request, query) -> "own";

        @Bean
        AdminAuthenticator ownAuthenticator() {
            return AUTH;
        }
    }
}
