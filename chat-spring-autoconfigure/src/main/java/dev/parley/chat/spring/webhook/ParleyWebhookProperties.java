package dev.parley.chat.spring.webhook;

import dev.parley.chat.webhook.WebhookSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks under {@code parley.webhooks.*}.
 *
 * @param enabled             whether webhooks are recorded and the admin endpoints exist
 * @param dispatch            whether this node sends deliveries in the background (another node sharing the
 *                            database may send them instead)
 * @param allowPrivateTargets whether targets on loopback, private, link-local or metadata addresses are allowed;
 *                            only for tests and development
 * @param retryDelays         the waits after each failed attempt; when used up the delivery fails
 * @param disableAfter        an endpoint failing with no success for this long is disabled
 * @param connectTimeout      the longest wait for a connection to a receiver
 * @param readTimeout         the longest wait for a receiver's answer
 * @param rotationOverlap     how long the previous secret still signs after a rotation
 * @param pollInterval        how often the dispatcher looks for due deliveries
 * @param lease               how long a claimed delivery is held before another node may send it
 * @param batchSize           deliveries claimed at once
 * @param subscriptionCache   how long a node trusts its copy of the endpoints before reading them again
 */
@ConfigurationProperties("parley.webhooks")
public record ParleyWebhookProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retryDelays,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("24h") Duration rotationOverlap,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5s") Duration subscriptionCache) {

    /** The core's settings built from these properties. */
    public WebhookSettings toSettings() {
        try {
            return new WebhookSettings(retryDelays, disableAfter, allowPrivateTargets, connectTimeout, readTimeout,
                    rotationOverlap, pollInterval, lease, batchSize, subscriptionCache);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.webhooks: " + e.getMessage(), e);
        }
    }
}
