package dev.parley.chat.spring.cluster;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the nodes follow the event log, under {@code parley.cluster.*}.
 *
 * @param listenUrl        the JDBC URL of the PostgreSQL connection that listens for other nodes' events; empty for
 *                         the application's data source URL (set it to reach PostgreSQL directly when the data
 *                         source goes through a pooler in transaction mode)
 * @param listenUsername   the user of the listening connection; empty for the data source's
 * @param listenPassword   the password of the listening connection; empty for the data source's
 * @param channel          the LISTEN/NOTIFY channel; nodes sharing the tables must share it
 * @param pollInterval     how often a node reads the log even when nothing woke it up (the safety net)
 * @param listenWait       the longest a listener waits for a notification before checking its connection
 * @param reconnectBackoff the first wait before reconnecting a lost listener; it doubles up to a minute
 * @param batchSize        the most events read from the log at once
 * @param retention        how long events stay in the log; a client that was away longer reloads ({@code resync})
 * @param trimInterval     how often each node deletes events older than the retention
 */
@ConfigurationProperties("parley.cluster")
public record ParleyClusterProperties(
        @DefaultValue("") @Nullable String listenUrl,
        @DefaultValue("") @Nullable String listenUsername,
        @DefaultValue("") @Nullable String listenPassword,
        @DefaultValue("parley_events") String channel,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration listenWait,
        @DefaultValue("500ms") Duration reconnectBackoff,
        @DefaultValue("500") int batchSize,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("5m") Duration trimInterval) {

    /** Checks the values. */
    public ParleyClusterProperties {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("parley.cluster.channel must be a lower-case SQL identifier: "
                    + channel);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("parley.cluster.batch-size must be from 1 to 1000: " + batchSize);
        }
        for (Duration d : new Duration[] {pollInterval, listenWait, reconnectBackoff, retention, trimInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the durations of parley.cluster.* must be positive: " + d);
            }
        }
    }
}
