package dev.parley.chat.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The bounds of request bodies on Parley's HTTP API: a body-size filter and a JSON mapper that reads within them. */
@AutoConfiguration(afterName = "dev.parley.chat.spring.web.ParleyWebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(name = "parley.web.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ParleyWebProperties.class)
class ParleyLimitsAutoConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> parleyBodyLimitFilter(ParleyWebProperties properties) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(properties.body().maxSize().toBytes()));
        registration.addUrlPatterns("/api/v1/chat/*", "/api/v1/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    BoundedJsonConfigurer parleyBoundedJsonConfigurer(ParleyWebProperties properties) {
        return new BoundedJsonConfigurer(properties.body());
    }

    /** Puts a Parley JSON converter with the configured bounds ahead of the default one. */
    static final class BoundedJsonConfigurer implements WebMvcConfigurer, Ordered {

        private final ParleyWebProperties.Body body;

        BoundedJsonConfigurer(ParleyWebProperties.Body body) {
            this.body = body;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
            builder.addCustomConverter(new ParleyJsonConverter(ParleyJsonConverter.mapper(body)));
        }
    }
}
