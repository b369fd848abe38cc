package dev.parley.chat.spring.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP API under {@code parley.web.*}.
 *
 * @param enabled   whether to offer Parley's HTTP API (the services stay available as beans either way)
 * @param cors      cross-origin access for the chat widget
 * @param rateLimit rate limits of the public endpoints
 */
@ConfigurationProperties("parley.web")
public record ParleyWebProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Cors cors,
        @DefaultValue RateLimit rateLimit) {

    /**
     * Cross-origin access to the public endpoints ({@code /api/v1/chat/**}) for a widget on other sites.
     *
     * @param allowedOrigins origins allowed to call the public endpoints, e.g. https://www.example.com; empty means
     *                       same origin only
     * @param maxAge         how long browsers may cache a preflight answer
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {}

    /**
     * Rate limits of the public endpoints, per application node.
     *
     * @param enabled        whether to limit
     * @param chatStarts     chat starts per client address
     * @param messages       messages and uploads per chat session
     * @param maxTrackedKeys the most addresses and sessions tracked at once (least recently used are forgotten)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue ChatStarts chatStarts,
            @DefaultValue Messages messages,
            @DefaultValue("10000") int maxTrackedKeys) {}

    /** A token bucket: {@code capacity} requests at once, regained evenly over {@code refillPeriod}. */
    public interface Limit {
        /** Requests allowed at once. */
        int capacity();

        /** Time to regain the whole capacity. */
        Duration refillPeriod();
    }

    /**
     * Chat starts per client address.
     *
     * @param capacity     chat starts allowed at once from one address
     * @param refillPeriod time to regain the whole capacity
     */
    public record ChatStarts(@DefaultValue("5") int capacity, @DefaultValue("10m") Duration refillPeriod)
            implements Limit {}

    /**
     * Messages and uploads per chat session.
     *
     * @param capacity     messages allowed at once in one chat
     * @param refillPeriod time to regain the whole capacity
     */
    public record Messages(@DefaultValue("30") int capacity, @DefaultValue("1m") Duration refillPeriod)
            implements Limit {}
}
