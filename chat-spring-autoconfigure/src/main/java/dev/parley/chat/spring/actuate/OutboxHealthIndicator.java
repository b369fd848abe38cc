package dev.parley.chat.spring.actuate;

import dev.parley.chat.notification.OutboxStats;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The notification outbox: pending, sent and failed counts and the lag of the oldest pending notification; DOWN
 * when that lag passes the threshold (delivery is stuck). Failed notifications are reported, not judged: they need
 * a person to look at them but do not stop the chat.
 */
final class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxStatsCache stats;
    private final Duration lagThreshold;

    OutboxHealthIndicator(OutboxStatsCache stats, Duration lagThreshold) {
        super("Parley outbox health check failed");
        this.stats = stats;
        this.lagThreshold = lagThreshold;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxStats s = stats.fresh();
        builder.withDetail("pending", s.pending())
                .withDetail("sent", s.sent())
                .withDetail("failed", s.failed())
                .withDetail("lagSeconds", s.lag().toSeconds());
        if (s.lag().compareTo(lagThreshold) > 0) {
            builder.down().withDetail("reason", "the oldest pending notification is overdue by more than "
                    + lagThreshold);
        } else {
            builder.up();
        }
    }
}
