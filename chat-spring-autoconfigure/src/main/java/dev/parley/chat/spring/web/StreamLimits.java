package dev.parley.chat.spring.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the live event streams of one node before one is registered: per visitor session, per client address
 * (IPv6 by /64) and per admin, a rate of openings, and separate budgets so that visitors can never take the streams
 * kept for admins. Over a bound, {@link RateLimitedException} (429).
 */
public final class StreamLimits {

    private static final long RETRY_SECONDS = 5;

    private final ParleyWebProperties.Streams bounds;
    private final int visitorBudget;
    private final TokenBuckets opens;
    private final Map<Long, Integer> perChat = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final Map<String, Integer> perAdmin = new HashMap<>();
    private int visitors;
    private int admins;

    /**
     * @param bounds     the bounds
     * @param maxClients the node's stream limit ({@code parley.sse.max-clients}); visitors get it less the admins'
     * @param clock      the clock of the opening rate
     */
    public StreamLimits(ParleyWebProperties.Streams bounds, int maxClients, Clock clock) {
        if (bounds.perSession() < 1 || bounds.perAddress() < 1 || bounds.adminStreams() < 1 || bounds.perAdmin() < 1) {
            throw new IllegalArgumentException("parley.web.streams.* bounds must be positive");
        }
        this.bounds = bounds;
        this.visitorBudget = Math.max(0, maxClients - bounds.adminStreams());
        this.opens = new TokenBuckets(bounds.opens().capacity(), bounds.opens().refillPeriod(), 10_000, clock);
    }

    /**
     * Takes a place for a visitor's stream of the chat; run the answered action once the stream has ended.
     *
     * @throws RateLimitedException over a bound
     */
    public Runnable openVisitor(long chatId, String clientAddress) {
        String address = ClientAddresses.key(clientAddress);
        synchronized (this) {
            opening("v " + address);
            if (visitors >= visitorBudget) {
                throw refused("too many live connections on this server; try again shortly");
            }
            if (perChat.getOrDefault(chatId, 0) >= bounds.perSession()) {
                throw refused("this chat already has " + bounds.perSession() + " live connections; close one");
            }
            if (perAddress.getOrDefault(address, 0) >= bounds.perAddress()) {
                throw refused("too many live connections from your address; close one");
            }
            visitors++;
            perChat.merge(chatId, 1, Integer::sum);
            perAddress.merge(address, 1, Integer::sum);
        }
        return once(() -> {
            visitors--;
            decrement(perChat, chatId);
            decrement(perAddress, address);
        });
    }

    /**
     * Takes a place for an admin's stream, out of the admins' own budget; run the answered action once the stream
     * has ended.
     *
     * @throws RateLimitedException over a bound
     */
    public Runnable openAdmin(String adminId) {
        synchronized (this) {
            opening("a " + adminId);
            if (admins >= bounds.adminStreams()) {
                throw refused("too many admin live connections on this server; try again shortly");
            }
            if (perAdmin.getOrDefault(adminId, 0) >= bounds.perAdmin()) {
                throw refused("you already have " + bounds.perAdmin() + " live connections; close one");
            }
            admins++;
            perAdmin.merge(adminId, 1, Integer::sum);
        }
        return once(() -> {
            admins--;
            decrement(perAdmin, adminId);
        });
    }

    /** Visitor streams open now (for tests and metrics). */
    public synchronized int openVisitorStreams() {
        return visitors;
    }

    private void opening(String key) {
        long wait = opens.tryTake(key);
        if (wait > 0) {
            throw new RateLimitedException("live connections are opened too often; try again in " + wait
                    + " seconds", wait);
        }
    }

    private Runnable once(Runnable release) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                synchronized (this) {
                    release.run();
                }
            }
        };
    }

    private static <K> void decrement(Map<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static RateLimitedException refused(String message) {
        return new RateLimitedException(message, RETRY_SECONDS);
    }
}
