package dev.parley.chat.spring.sse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event streams under {@code parley.sse.*}.
 *
 * @param keepAlive          how often a comment is sent on an idle stream, so proxies keep it open
 * @param timeout            how long one stream stays open before the browser reconnects (resuming where it was)
 * @param reconnectDelay     the reconnection delay suggested to browsers (the retry field)
 * @param clientBufferSize   events queued for one slow client before it is disconnected
 * @param replayBufferSize   recent events kept in memory to resume a reconnecting client after its Last-Event-ID
 *                           without reading the event log
 * @param maxClients         the most streams open at once on this node; more are refused with 429
 * @param senderThreads      threads writing events to clients
 * @param writeTimeout       how long a write to one client may block (the client stopped reading) before the client
 *                           is disconnected and another thread takes over its sender's work
 */
@ConfigurationProperties("parley.sse")
public record ParleySseProperties(
        @DefaultValue("15s") Duration keepAlive,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("3s") Duration reconnectDelay,
        @DefaultValue("256") int clientBufferSize,
        @DefaultValue("1000") int replayBufferSize,
        @DefaultValue("1000") int maxClients,
        @DefaultValue("4") int senderThreads,
        @DefaultValue("10s") Duration writeTimeout) {}
