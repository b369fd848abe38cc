package dev.parley.chat.spring.ui;

import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.spring.security.AdminAuthenticator;
import dev.parley.chat.spring.security.SpringSecurityAdminAuthenticator;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Serves chat-ui's widget and dashboard when the jar is on the classpath ({@code parley.ui.enabled}, default on).
 */
@AutoConfiguration(afterName = {
        "dev.parley.chat.spring.security.ParleySecurityAutoConfiguration",
        "dev.parley.chat.spring.web.ParleyWebAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnResource(resources = UiAssets.MARKER)
@ConditionalOnProperty(name = "parley.ui.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ParleyUiProperties.class)
class ParleyUiAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParleyUiAutoConfiguration.class);

    @Bean
    UiAssets parleyUiAssets() {
        return UiAssets.load(ParleyUiAutoConfiguration.class.getClassLoader());
    }

    @Bean
    UiResources parleyUiResources(ParleyUiProperties properties, UiAssets assets, AdminAuthenticator authenticator) {
        String mode = properties.admin().signIn().strip().toLowerCase(Locale.ROOT);
        boolean session = switch (mode) {
            case "session" -> true;
            case "token" -> false;
            case "auto" -> authenticator instanceof SpringSecurityAdminAuthenticator;
            default -> throw new IllegalStateException(
                    "parley.ui.admin.sign-in must be auto, token or session, not '" + mode + "'");
        };
        log.info("Parley serves the chat widget at {}/widget.js{}", properties.basePath(),
                properties.admin().enabled() ? " and the dashboard at " + properties.basePath() + "/admin/ (sign-in: "
                        + (session ? "the host's session" : "tokens") + ")" : "");
        return new UiResources(properties, assets, new UiPages(assets, properties.admin(), session));
    }

    @Bean
    @ConditionalOnProperty(name = "parley.ui.admin.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<UiSecurityHeaders> parleyUiSecurityHeaders(ParleyUiProperties properties) {
        var registration = new FilterRegistrationBean<>(new UiSecurityHeaders(properties.admin()));
        registration.addUrlPatterns(properties.basePath() + "/admin", properties.basePath() + "/admin/*");
        registration.setName("parleyUiSecurityHeaders");
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = {"parley.ui.admin.enabled", "parley.web.enabled"}, havingValue = "true",
            matchIfMissing = true)
    AdminProfileController parleyAdminProfileController(AdminDirectory admins) {
        return new AdminProfileController(admins);
    }

    /** With Spring Security, the widget's files are public like the visitor API; the dashboard stays the host's. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.config.annotation.web.builders.WebSecurity")
    @ConditionalOnProperty(name = "parley.security.permit-public-endpoints", havingValue = "true",
            matchIfMissing = true)
    static class PublicWidget {

        @Bean
        WebSecurityCustomizer parleyPublicWidget(ParleyUiProperties properties) {
            String base = properties.basePath();
            return web -> web.ignoring().requestMatchers(base + "/widget.js", base + "/widget.css",
                    base + "/*/widget.js", base + "/*/widget.css");
        }
    }
}
