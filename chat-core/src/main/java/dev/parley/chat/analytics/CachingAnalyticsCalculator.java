package dev.parley.chat.analytics;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a report from cache for up to the TTL, as long as no chat changed in this process since it was computed
 * and the day has not turned. Every chat event invalidates the cache, so reports stay correct as chats change; other
 * nodes' changes show within the TTL.
 */
public final class CachingAnalyticsCalculator implements AnalyticsCalculator, ChatEventListener {

    private final AnalyticsCalculator delegate;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    /** Creates the cache in front of another calculator. */
    public CachingAnalyticsCalculator(AnalyticsCalculator delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public AnalyticsReport calculate(AnalyticsQuery query) {
        Instant now = clock.instant();
        long gen = generation.get();
        Key key = new Key(query.days(), query.zone(), LocalDate.ofInstant(now, query.zone()));
        Entry hit = cache.get(key);
        if (hit != null && hit.generation == gen && now.isBefore(hit.computedAt.plus(ttl))) {
            return hit.report;
        }
        AnalyticsReport report = delegate.calculate(query);
        if (cache.size() > 1_000) {
            cache.clear();
        }
        cache.put(key, new Entry(gen, now, report));
        return report;
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (!(event instanceof ChatEvent.PresenceChanged)) {
            generation.incrementAndGet();
        }
    }

    private record Key(int days, ZoneId zone, LocalDate today) {}

    private record Entry(long generation, Instant computedAt, AnalyticsReport report) {}
}
