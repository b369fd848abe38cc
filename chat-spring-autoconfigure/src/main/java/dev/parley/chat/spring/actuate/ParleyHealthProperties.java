package dev.parley.chat.spring.actuate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health thresholds under {@code parley.health.*}.
 *
 * @param outboxLagThreshold how overdue the oldest pending notification may be before the outbox reports DOWN
 * @param mailCheckInterval  how long the result of an SMTP check is reused, so that frequent health probes do not
 *                           open a connection each time
 */
@ConfigurationProperties("parley.health")
public record ParleyHealthProperties(
        @DefaultValue("15m") Duration outboxLagThreshold,
        @DefaultValue("1m") Duration mailCheckInterval) {}
