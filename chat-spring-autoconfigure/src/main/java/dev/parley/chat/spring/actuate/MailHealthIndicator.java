package dev.parley.chat.spring.actuate;

import dev.parley.chat.mail.MailNotifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the SMTP server answers (connect, EHLO, STARTTLS and login as configured). A result is reused for a while,
 * so frequent health probes do not open a connection each time.
 */
final class MailHealthIndicator implements HealthIndicator {

    private final MailNotifier notifier;
    private final Clock clock;
    private final Duration reuse;
    private @Nullable Health last;
    private Instant checkedAt = Instant.MIN;

    MailHealthIndicator(MailNotifier notifier, Clock clock, Duration reuse) {
        this.notifier = notifier;
        this.clock = clock;
        this.reuse = reuse;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(reuse))) {
            last = check();
            checkedAt = now;
        }
        return last;
    }

    private Health check() {
        String server = notifier.settings().host() + ":" + notifier.settings().port();
        try {
            notifier.checkConnection();
            return Health.up().withDetail("server", server).build();
        } catch (Exception e) {
            return Health.down().withDetail("server", server)
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
