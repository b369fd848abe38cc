package dev.parley.chat.spring.actuate;

import dev.parley.chat.notification.Outbox;
import dev.parley.chat.notification.OutboxStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Outbox statistics read at most once per interval, so several gauges and the health check share one query. */
final class OutboxStatsCache {

    private static final Logger log = LoggerFactory.getLogger(OutboxStatsCache.class);
    private static final OutboxStats NONE = new OutboxStats(0, 0, 0, Duration.ZERO);

    private final Outbox outbox;
    private final Clock clock;
    private final Duration ttl;
    private @Nullable OutboxStats last;
    private Instant readAt = Instant.MIN;

    OutboxStatsCache(Outbox outbox, Clock clock, Duration ttl) {
        this.outbox = outbox;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Fresh statistics (the health check wants the truth); throws when the store cannot answer. */
    synchronized OutboxStats fresh() {
        last = outbox.stats();
        readAt = clock.instant();
        return last;
    }

    /** Statistics at most {@code ttl} old; the last known ones (or zeros) when the store cannot answer. */
    synchronized OutboxStats recent() {
        if (last == null || clock.instant().isAfter(readAt.plus(ttl))) {
            try {
                return fresh();
            } catch (RuntimeException e) {
                log.debug("Outbox statistics unavailable", e);
                readAt = clock.instant();
            }
        }
        return last == null ? NONE : last;
    }
}
