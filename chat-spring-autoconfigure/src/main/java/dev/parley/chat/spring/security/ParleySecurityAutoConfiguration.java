package dev.parley.chat.spring.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Admin authentication: with Spring Security on the classpath, the application's authenticated principal; without
 * it, Parley's own JWT verifier. An {@link AdminAuthenticator} bean of the application replaces either.
 */
@AutoConfiguration(afterName = "dev.parley.chat.spring.store.ParleyJpaStoreAutoConfiguration")
@EnableConfigurationProperties(ParleySecurityProperties.class)
class ParleySecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParleySecurityAutoConfiguration.class);

    static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SECURITY_CONTEXT)
    static class SpringSecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean
        AdminAuthenticator parleySpringSecurityAdminAuthenticator(ParleySecurityProperties properties) {
            log.info("Parley admins are authenticated by Spring Security (authority: {})",
                    properties.adminAuthority().isBlank() ? "any" : properties.adminAuthority());
            return new SpringSecurityAdminAuthenticator(properties.adminAuthority());
        }

        @Bean
        @ConditionalOnClass(name = "org.springframework.security.config.annotation.web.builders.WebSecurity")
        @ConditionalOnProperty(name = "parley.security.permit-public-endpoints", havingValue = "true",
                matchIfMissing = true)
        WebSecurityCustomizer parleyPublicEndpoints(Environment environment) {
            String files = environment.getProperty("parley.files.local.url-base", "/parley/files")
                    .replaceAll("/+$", "");
            return web -> web.ignoring().requestMatchers("/api/v1/chat", "/api/v1/chat/**", files + "/**");
        }
    }

    /** Revoked tokens in the JPA store's database, so that every node refuses them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.parley.chat.jpa.JpaChatStore")
    @ConditionalOnBean(type = "dev.parley.chat.jpa.JpaChatStore")
    static class DatabaseRevocations {

        @Bean
        @ConditionalOnMissingBean
        TokenRevocations parleyDatabaseTokenRevocations(DataSource dataSource, Environment environment,
                ObjectProvider<Clock> clock) {
            return new JdbcTokenRevocations(dataSource,
                    environment.getProperty("parley.jpa.table-prefix", "parley_"), clock.getIfUnique(Clock::systemUTC));
        }
    }

    /** Revoked tokens in memory, without the JPA store. */
    @Configuration(proxyBeanMethods = false)
    static class MemoryRevocations {

        @Bean
        @ConditionalOnMissingBean
        TokenRevocations parleyMemoryTokenRevocations(ObjectProvider<Clock> clock) {
            return new MemoryTokenRevocations(clock.getIfUnique(Clock::systemUTC));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass(SECURITY_CONTEXT)
    @Import({DatabaseRevocations.class, MemoryRevocations.class})
    static class JwtConfiguration {

        @Bean
        @ConditionalOnMissingBean(AdminAuthenticator.class)
        JwtAdminAuthenticator parleyJwtAdminAuthenticator(ParleySecurityProperties properties,
                ObjectProvider<Clock> clock, TokenRevocations revocations) {
            byte[] secret = secret(properties);
            if (secret == null) {
                log.warn("parley.security.jwt-secret is not set: Parley's admin endpoints refuse every request. "
                        + "Set a random secret of at least 32 bytes (from the environment, never in the "
                        + "repository) and issue admin tokens with AdminTokens");
            } else {
                log.info("Parley admins are authenticated by HS256 bearer tokens (parley.security.jwt-secret)");
            }
            return new JwtAdminAuthenticator(secret, properties.jwtIssuer(),
                    clock.getIfUnique(Clock::systemUTC), properties.clockSkew(), revocations);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty("parley.security.jwt-secret")
        AdminTokens parleyAdminTokens(ParleySecurityProperties properties, ObjectProvider<Clock> clock) {
            byte[] secret = secret(properties);
            if (secret == null || secret.length < JwtAdminAuthenticator.MIN_SECRET_BYTES) {
                throw new IllegalStateException("parley.security.jwt-secret must be at least "
                        + JwtAdminAuthenticator.MIN_SECRET_BYTES + " bytes long");
            }
            return new AdminTokens(secret, properties.jwtIssuer(), clock.getIfUnique(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnBean({AdminTokens.class, JwtAdminAuthenticator.class})
        AdminSessionController parleyAdminSessionController(AdminTokens tokens, JwtAdminAuthenticator authenticator,
                ParleySecurityProperties properties) {
            return new AdminSessionController(tokens, authenticator, properties.streamTicketLifetime());
        }

        private static byte @Nullable [] secret(ParleySecurityProperties properties) {
            String s = properties.jwtSecret();
            return s == null || s.isBlank() ? null : s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
