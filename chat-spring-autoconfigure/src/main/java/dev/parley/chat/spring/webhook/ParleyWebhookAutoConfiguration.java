package dev.parley.chat.spring.webhook;

import dev.parley.Parley;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.webhook.DefaultWebhookDispatcher;
import dev.parley.chat.webhook.DefaultWebhookSender;
import dev.parley.chat.webhook.DefaultWebhookService;
import dev.parley.chat.webhook.WebhookRecorder;
import dev.parley.chat.webhook.WebhookSender;
import dev.parley.chat.webhook.WebhookService;
import dev.parley.chat.webhook.WebhookSettings;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Webhooks: the application's store, wrapped so that every chat and message change records its webhooks in the
 * same transaction, becomes the primary {@link ChatStore} that {@link Parley} is built on; the service, the sender,
 * the dispatcher (started with the context) and the admin endpoints. Runs after the store's auto-configurations so
 * that the store it wraps is defined, and the wrapper does not make them back off; without a store it backs off
 * and Parley reports the missing store.
 */
@AutoConfiguration(afterName = {
        "dev.parley.chat.spring.store.ParleyJpaStoreAutoConfiguration",
        "dev.parley.chat.spring.ParleyAutoConfiguration"})
@ConditionalOnProperty(name = "parley.webhooks.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(ChatStore.class)
@EnableConfigurationProperties(ParleyWebhookProperties.class)
class ParleyWebhookAutoConfiguration {

    static final String STORE_BEAN = "parleyWebhookRecordingStore";
    private static final Logger log = LoggerFactory.getLogger(ParleyWebhookAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    WebhookSettings parleyWebhookSettings(ParleyWebhookProperties properties) {
        WebhookSettings settings = properties.toSettings();
        if (settings.allowPrivateTargets()) {
            log.warn("parley.webhooks.allow-private-targets=true: webhooks may target loopback and private"
                    + " addresses; use this only in tests and development");
        }
        return settings;
    }

    @Bean
    WebhookRecorder parleyWebhookRecorder(ConfigurableListableBeanFactory beans, WebhookSettings settings,
            ObjectProvider<Clock> clock) {
        return new WebhookRecorder(applicationStore(beans).webhooks(), clock.getIfUnique(Clock::systemUTC),
                settings);
    }

    @Bean(STORE_BEAN)
    @Primary
    ChatStore parleyWebhookRecordingStore(ConfigurableListableBeanFactory beans, WebhookRecorder recorder) {
        return recorder.wrap(applicationStore(beans));
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookService parleyWebhookService(ConfigurableListableBeanFactory beans, WebhookRecorder recorder,
            WebhookSettings settings, ObjectProvider<Clock> clock) {
        return new DefaultWebhookService(applicationStore(beans).webhooks(), recorder, settings,
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookSender parleyWebhookSender(WebhookSettings settings, ObjectProvider<Clock> clock) {
        return new DefaultWebhookSender(settings, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    DefaultWebhookDispatcher parleyWebhookDispatcher(ConfigurableListableBeanFactory beans, WebhookSender sender,
            WebhookRecorder recorder, WebhookSettings settings, ObjectProvider<Clock> clock, Parley parley) {
        return new DefaultWebhookDispatcher(applicationStore(beans).webhooks(), sender, recorder, settings,
                clock.getIfUnique(Clock::systemUTC), parley.outbox().owner());
    }

    @Bean
    WebhookDispatcherLifecycle parleyWebhookDispatcherLifecycle(DefaultWebhookDispatcher dispatcher,
            ParleyWebhookProperties properties) {
        return new WebhookDispatcherLifecycle(dispatcher, properties.dispatch());
    }

    /** The admin endpoints, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    @ConditionalOnProperty(name = "parley.web.enabled", havingValue = "true", matchIfMissing = true)
    static class Web {

        @Bean
        WebhookController parleyWebhookController(WebhookService webhooks) {
            return new WebhookController(webhooks);
        }
    }

    /** The application's own store: the one ChatStore bean that is not this wrapper. */
    private static ChatStore applicationStore(ConfigurableListableBeanFactory beans) {
        List<String> names = Arrays.stream(beans.getBeanNamesForType(ChatStore.class, false, false))
                .filter(n -> !n.equals(STORE_BEAN)).toList();
        if (names.size() != 1) {
            throw new IllegalStateException("Parley's webhooks wrap the application's ChatStore bean, but there are "
                    + names.size() + " " + names + "; keep one, or set parley.webhooks.enabled=false");
        }
        return beans.getBean(names.get(0), ChatStore.class);
    }
}
