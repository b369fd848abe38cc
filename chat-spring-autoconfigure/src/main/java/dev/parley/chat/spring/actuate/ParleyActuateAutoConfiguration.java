package dev.parley.chat.spring.actuate;

import dev.parley.chat.file.FileStorage;
import dev.parley.chat.mail.MailNotifier;
import dev.parley.chat.notification.Outbox;
import dev.parley.chat.spring.sse.ChatStreamHub;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health indicators and metrics of Parley, when Actuator's health support or Micrometer is on the classpath. */
@AutoConfiguration(afterName = {
        "dev.parley.chat.spring.ParleyAutoConfiguration",
        "dev.parley.chat.spring.mail.ParleyMailAutoConfiguration",
        "dev.parley.chat.spring.sse.ParleySseAutoConfiguration"})
@ConditionalOnBean(Outbox.class)
class ParleyActuateAutoConfiguration {

    @Bean
    OutboxStatsCache parleyOutboxStatsCache(Outbox outbox, ObjectProvider<Clock> clock) {
        return new OutboxStatsCache(outbox, clock.getIfUnique(Clock::systemUTC), Duration.ofSeconds(5));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("parley")
    @EnableConfigurationProperties(ParleyHealthProperties.class)
    static class HealthConfiguration {

        @Bean
        OutboxHealthIndicator parleyOutboxHealthIndicator(OutboxStatsCache stats, ParleyHealthProperties properties) {
            return new OutboxHealthIndicator(stats, properties.outboxLagThreshold());
        }

        @Bean
        StorageHealthIndicator parleyStorageHealthIndicator(FileStorage storage) {
            return new StorageHealthIndicator(storage);
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "dev.parley.chat.mail.MailNotifier")
        @ConditionalOnBean(type = "dev.parley.chat.mail.MailNotifier")
        static class MailHealthConfiguration {

            @Bean
            MailHealthIndicator parleyMailHealthIndicator(MailNotifier notifier, ParleyHealthProperties properties,
                    ObjectProvider<Clock> clock) {
                return new MailHealthIndicator(notifier, clock.getIfUnique(Clock::systemUTC),
                        properties.mailCheckInterval());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class MetricsConfiguration {

        @Bean
        ParleyMetrics parleyMetrics(OutboxStatsCache stats, ObjectProvider<ChatStreamHub> hub) {
            return new ParleyMetrics(stats, hub.getIfAvailable());
        }
    }
}
