package dev.parley.examples.demo;

import dev.parley.examples.demo.mail.MailCapture;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The demo's beans: the embedded SMTP server and the dashboard's old address. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration implements WebMvcConfigurer {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = DemoEnvironment.CAPTURE_ENABLED, havingValue = "true", matchIfMissing = true)
    MailCapture mailCapture(Environment environment) {
        return new MailCapture(environment.getRequiredProperty(DemoEnvironment.CAPTURE_PORT, Integer.class));
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // The dashboard ships in chat-ui at /parley/admin/; the demo's old address still leads there.
        registry.addRedirectViewController("/admin", "/parley/admin/");
        registry.addRedirectViewController("/admin/", "/parley/admin/");
    }
}
