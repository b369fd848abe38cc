package dev.parley.chat.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How webhooks are delivered; {@link #DEFAULTS} holds the documented defaults.
 *
 * @param retryDelays         the waits after each failed attempt; once used up the delivery fails (default 5 s,
 *                            5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over about 27 hours)
 * @param disableAfter        an endpoint failing without a success for this long is disabled (default 5 days)
 * @param allowPrivateTargets whether targets on loopback, private, link-local or metadata addresses are allowed
 *                            (default false; for tests and development)
 * @param connectTimeout      the longest wait for a connection (default 5 s)
 * @param readTimeout         the longest wait for the answer (default 15 s)
 * @param rotationOverlap     how long the previous secret still signs after a rotation (default 24 h)
 * @param pollInterval        how often the dispatcher looks for due deliveries (default 1 s)
 * @param lease               how long a claimed delivery is held before another node may take it (default 2 min)
 * @param batchSize           deliveries claimed at once (default 20)
 * @param subscriptionCache   how long a node trusts its copy of the endpoints before reading them again; changes
 *                            made on the node itself apply at once (default 5 s)
 */
public record WebhookSettings(
        List<Duration> retryDelays,
        Duration disableAfter,
        boolean allowPrivateTargets,
        Duration connectTimeout,
        Duration readTimeout,
        Duration rotationOverlap,
        Duration pollInterval,
        Duration lease,
        int batchSize,
        Duration subscriptionCache) {

    /** The documented defaults. */
    public static final WebhookSettings DEFAULTS = new WebhookSettings(
            List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                    Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
            Duration.ofDays(5), false, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofHours(24),
            Duration.ofSeconds(1), Duration.ofMinutes(2), 20, Duration.ofSeconds(5));

    /** Checks the bounds. */
    public WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
        retryDelays.forEach(d -> positive(d, "retryDelays"));
        positive(disableAfter, "disableAfter");
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        Objects.requireNonNull(rotationOverlap, "rotationOverlap");
        positive(pollInterval, "pollInterval");
        positive(lease, "lease");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        Objects.requireNonNull(subscriptionCache, "subscriptionCache");
    }

    /** These settings with private targets allowed or not. */
    public WebhookSettings withAllowPrivateTargets(boolean allow) {
        return new WebhookSettings(retryDelays, disableAfter, allow, connectTimeout, readTimeout, rotationOverlap,
                pollInterval, lease, batchSize, subscriptionCache);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
