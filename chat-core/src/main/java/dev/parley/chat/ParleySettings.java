package dev.parley.chat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The core's tunable rules; {@link #DEFAULTS} holds the documented defaults.
 *
 * @param maxMessageLength   longest message text, in characters (default 5,000)
 * @param heartbeatTimeout   how long a heartbeat keeps an admin online (default 2 minutes)
 * @param offlineBatchWindow how long offline messages of one chat are gathered into one email (default 2 minutes)
 * @param analyticsCacheTtl  how long a report may be served from cache when nothing changed (default 5 minutes;
 *                           zero disables the cache)
 * @param timeZone           the default time zone of report days (default UTC)
 * @param outbox             delivery settings of the notification outbox
 * @param visitorEmailsPerDay the most emails sent to one visitor address in 24 hours (default 3); 0 sends none
 */
public record ParleySettings(
        int maxMessageLength,
        Duration heartbeatTimeout,
        Duration offlineBatchWindow,
        Duration analyticsCacheTtl,
        ZoneId timeZone,
        OutboxSettings outbox,
        int visitorEmailsPerDay) {

    /** The default of {@link #visitorEmailsPerDay()}. */
    public static final int DEFAULT_VISITOR_EMAILS_PER_DAY = 3;

    /** The documented defaults. */
    public static final ParleySettings DEFAULTS = new ParleySettings(5_000, Duration.ofMinutes(2),
            Duration.ofMinutes(2), Duration.ofMinutes(5), ZoneId.of("UTC"), OutboxSettings.DEFAULTS,
            DEFAULT_VISITOR_EMAILS_PER_DAY);

    /** Checks the bounds. */
    public ParleySettings {
        if (maxMessageLength < 1) {
            throw new IllegalArgumentException("maxMessageLength must be positive");
        }
        OutboxSettings.requirePositive(heartbeatTimeout, "heartbeatTimeout");
        Objects.requireNonNull(offlineBatchWindow, "offlineBatchWindow");
        Objects.requireNonNull(analyticsCacheTtl, "analyticsCacheTtl");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(outbox, "outbox");
        if (visitorEmailsPerDay < 0) {
            throw new IllegalArgumentException("visitorEmailsPerDay must not be negative");
        }
    }

    /** Settings with the default {@link #visitorEmailsPerDay()}. */
    public ParleySettings(int maxMessageLength, Duration heartbeatTimeout, Duration offlineBatchWindow,
            Duration analyticsCacheTtl, ZoneId timeZone, OutboxSettings outbox) {
        this(maxMessageLength, heartbeatTimeout, offlineBatchWindow, analyticsCacheTtl, timeZone, outbox,
                DEFAULT_VISITOR_EMAILS_PER_DAY);
    }

    /** These settings with another cap of emails per visitor address and day. */
    public ParleySettings withVisitorEmailsPerDay(int value) {
        return new ParleySettings(maxMessageLength, heartbeatTimeout, offlineBatchWindow, analyticsCacheTtl, timeZone,
                outbox, value);
    }

    /** These settings with another message length limit. */
    public ParleySettings withMaxMessageLength(int value) {
        return new ParleySettings(value, heartbeatTimeout, offlineBatchWindow, analyticsCacheTtl, timeZone,
                outbox, visitorEmailsPerDay);
    }

    /** These settings with another heartbeat timeout. */
    public ParleySettings withHeartbeatTimeout(Duration value) {
        return new ParleySettings(maxMessageLength, value, offlineBatchWindow, analyticsCacheTtl, timeZone,
                outbox, visitorEmailsPerDay);
    }

    /** These settings with another offline batching window. */
    public ParleySettings withOfflineBatchWindow(Duration value) {
        return new ParleySettings(maxMessageLength, heartbeatTimeout, value, analyticsCacheTtl, timeZone,
                outbox, visitorEmailsPerDay);
    }

    /** These settings with another analytics cache lifetime. */
    public ParleySettings withAnalyticsCacheTtl(Duration value) {
        return new ParleySettings(maxMessageLength, heartbeatTimeout, offlineBatchWindow, value, timeZone,
                outbox, visitorEmailsPerDay);
    }

    /** These settings with another report time zone. */
    public ParleySettings withTimeZone(ZoneId value) {
        return new ParleySettings(maxMessageLength, heartbeatTimeout, offlineBatchWindow, analyticsCacheTtl, value,
                outbox, visitorEmailsPerDay);
    }

    /** These settings with other outbox settings. */
    public ParleySettings withOutbox(OutboxSettings value) {
        return new ParleySettings(maxMessageLength, heartbeatTimeout, offlineBatchWindow, analyticsCacheTtl, timeZone,
                value, visitorEmailsPerDay);
    }

    /**
     * How the outbox delivers notifications.
     *
     * @param maxAttempts    attempts before an item is marked failed (default 8)
     * @param initialBackoff wait before the second attempt; doubles after each failure (default 30 seconds)
     * @param maxBackoff     the longest wait between attempts (default 1 hour)
     * @param lease          how long a claim lasts before another dispatcher may retry the item (default 5 minutes)
     * @param pollInterval   how often the dispatcher looks for due items (default 1 second)
     * @param batchSize      items claimed at once (default 100)
     */
    public record OutboxSettings(
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration lease,
            Duration pollInterval,
            int batchSize) {

        /** The documented defaults. */
        public static final OutboxSettings DEFAULTS = new OutboxSettings(8, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(1), 100);

        /** Checks the bounds. */
        public OutboxSettings {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("maxAttempts and batchSize must be positive");
            }
            positive(initialBackoff, "initialBackoff");
            positive(maxBackoff, "maxBackoff");
            positive(lease, "lease");
            positive(pollInterval, "pollInterval");
        }

        // Not ParleySettings.requirePositive: calling the outer class from here would start its initialisation,
        // which needs OutboxSettings.DEFAULTS while that is still being built (NPE when OutboxSettings loads first).
        private static void positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }

        // Lives here, not in ParleySettings: OutboxSettings must initialise without ParleySettings, whose DEFAULTS
        // need OutboxSettings.DEFAULTS (a cycle would leave OutboxSettings.DEFAULTS null).
        static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }

        /** The wait after the given number of failed attempts: initial × 2^(attempts−1), capped. */
        public Duration backoffAfter(int failedAttempts) {
            int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
            Duration d = initialBackoff.multipliedBy(1L << shift);
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }
}
