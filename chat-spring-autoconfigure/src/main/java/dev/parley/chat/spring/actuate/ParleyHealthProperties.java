package dev.parley.chat.spring.actuate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health thresholds under {@code parley.health.*}.
 *
 * @param outboxLagThreshold how overdue the oldest pending notification may be before the outbox reports DOWN
 */
@ConfigurationProperties("parley.health")
public record ParleyHealthProperties(@DefaultValue("15m") Duration outboxLagThreshold) {}
