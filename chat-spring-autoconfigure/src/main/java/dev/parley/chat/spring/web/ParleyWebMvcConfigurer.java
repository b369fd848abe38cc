package dev.parley.chat.spring.web;

import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.spring.security.AdminAuthInterceptor;
import dev.parley.chat.spring.security.AdminAuthenticator;
import dev.parley.chat.spring.security.AuthenticatedAdminArgumentResolver;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds Parley's admin authentication, the authenticated-admin argument, Parley's own JSON converter and CORS for the
 * widget's origins.
 */
final class ParleyWebMvcConfigurer implements WebMvcConfigurer {

    private final AdminAuthenticator authenticator;
    private final AdminDirectory admins;
    private final ParleyWebProperties.Cors cors;

    ParleyWebMvcConfigurer(AdminAuthenticator authenticator, AdminDirectory admins, ParleyWebProperties.Cors cors) {
        this.authenticator = authenticator;
        this.admins = admins;
        this.cors = cors;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthInterceptor(authenticator, admins)).addPathPatterns("/api/v1/admin/**");
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new ParleyJsonConverter());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedAdminArgumentResolver());
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (cors.allowedOrigins().isEmpty()) {
            return;
        }
        String[] origins = cors.allowedOrigins().toArray(String[]::new);
        for (String path : List.of("/api/v1/chat", "/api/v1/chat/**")) {
            registry.addMapping(path)
                    .allowedOrigins(origins)
                    .allowedMethods("GET", "POST")
                    .allowedHeaders("Content-Type", "Last-Event-ID")
                    .allowCredentials(false)
                    .maxAge(cors.maxAge().toSeconds());
        }
    }
}
