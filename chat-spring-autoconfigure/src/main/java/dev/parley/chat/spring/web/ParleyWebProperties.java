package dev.parley.chat.spring.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP API under {@code parley.web.*}.
 *
 * @param enabled   whether to offer Parley's HTTP API (the services stay available as beans either way)
 * @param cors      cross-origin access for the chat widget
 * @param rateLimit rate limits of the public endpoints
 * @param body      bounds of JSON request bodies
 * @param streams   bounds of live event streams
 */
@ConfigurationProperties("parley.web")
public record ParleyWebProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Cors cors,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Body body,
        @DefaultValue Streams streams) {

    /**
     * Bounds of JSON request bodies, checked before and while they are read; over them the answer is 413
     * {@code TOO_LARGE}. The defaults hold the largest legitimate request (an article of 50,000 characters, all
     * escaped) with room to spare.
     *
     * @param maxSize         the largest body, in bytes (by Content-Length before reading, and counted while reading)
     * @param maxStringLength the longest JSON string, in characters
     * @param maxNestingDepth the deepest nesting of JSON objects and arrays
     */
    public record Body(@DefaultValue("1MB") DataSize maxSize, @DefaultValue("200000") int maxStringLength,
            @DefaultValue("32") int maxNestingDepth) {

        /** The defaults. */
        public static final Body DEFAULT = new Body(DataSize.ofMegabytes(1), 200_000, 32);
    }

    /**
     * Bounds of live event streams (Server-Sent Events) on one node; over them the answer is 429
     * {@code RATE_LIMITED}. Visitors may hold at most {@code parley.sse.max-clients} minus {@code adminStreams}
     * streams, so they never crowd admins out.
     *
     * @param perSession   streams open at once for one visitor session
     * @param perAddress   visitor streams open at once from one client address (IPv6 by /64)
     * @param adminStreams streams kept for admins, and the most admins may hold
     * @param perAdmin     streams open at once for one admin
     * @param opens        stream openings per client address (visitors) or per admin
     */
    public record Streams(@DefaultValue("5") int perSession, @DefaultValue("20") int perAddress,
            @DefaultValue("50") int adminStreams, @DefaultValue("10") int perAdmin,
            @DefaultValue Opens opens) {}

    /**
     * Stream openings per client address or admin.
     *
     * @param capacity     openings allowed at once
     * @param refillPeriod time to regain the whole capacity
     */
    public record Opens(@DefaultValue("30") int capacity, @DefaultValue("1m") Duration refillPeriod)
            implements Limit {}

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
     * @param maxTrackedKeys the most addresses and sessions tracked at once; only buckets that have refilled are
     *                       forgotten, and a new key over the bound is refused until one has
     * @param uploadBytes    bytes uploaded per client address
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue ChatStarts chatStarts,
            @DefaultValue Messages messages,
            @DefaultValue("10000") int maxTrackedKeys,
            @DefaultValue UploadBytes uploadBytes) {}

    /**
     * Bytes uploaded per client address (IPv6 by /64): a quota that refills evenly.
     *
     * @param capacity     bytes one address may upload at once
     * @param refillPeriod time to regain the whole capacity
     */
    public record UploadBytes(@DefaultValue("100MB") DataSize capacity, @DefaultValue("1d") Duration refillPeriod) {}

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
