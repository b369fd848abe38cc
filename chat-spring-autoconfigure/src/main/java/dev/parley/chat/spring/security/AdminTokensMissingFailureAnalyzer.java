package dev.parley.chat.spring.security;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Explains a start-up that fails because a bean of the application needs {@link AdminTokens}, which Parley defines
 * only without Spring Security and with {@code parley.security.jwt-secret} set.
 */
final class AdminTokensMissingFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        if (cause.getBeanType() != AdminTokens.class) {
            return null;
        }
        if (ClassUtils.isPresent(ParleySecurityAutoConfiguration.SECURITY_CONTEXT, getClass().getClassLoader())) {
            return new FailureAnalysis("A bean of the application needs Parley's AdminTokens, which does not exist "
                    + "when Spring Security is on the classpath: then Spring Security authenticates Parley's admins "
                    + "(the principal's name is the admin id) and Parley issues no tokens, whatever "
                    + "parley.security.jwt-secret says.",
                    "Sign your admins in with Spring Security and drop the code that issues Parley tokens (see "
                            + "\"Admins with Spring Security\" in docs/spring-boot.md), or remove Spring Security "
                            + "from the classpath and set parley.security.jwt-secret.",
                    cause);
        }
        return new FailureAnalysis("A bean of the application needs Parley's AdminTokens, which exists only when "
                + "parley.security.jwt-secret is set.",
                "Set parley.security.jwt-secret to a random secret of at least "
                        + JwtAdminAuthenticator.MIN_SECRET_BYTES + " bytes, from the environment and never in the "
                        + "repository, e.g. export PARLEY_SECURITY_JWT_SECRET=\"$(openssl rand -base64 48)\".",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Spring Boot's generic analysis of a missing bean
    }
}
