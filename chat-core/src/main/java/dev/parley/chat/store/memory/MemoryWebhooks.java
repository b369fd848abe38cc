package dev.parley.chat.store.memory;

import dev.parley.chat.OutboxStatus;
import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.store.WebhookRecords;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Webhook endpoints, deliveries and attempts in maps, under the store's transactions. */
final class MemoryWebhooks implements WebhookRecords {

    private final MemoryTransactions tx;
    private final Map<Long, WebhookEndpoint> endpoints = new TreeMap<>();
    private final Map<Long, WebhookDelivery> deliveries = new TreeMap<>();
    private final Map<Long, WebhookAttempt> attempts = new TreeMap<>();
    private long nextId = 1;

    MemoryWebhooks(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public WebhookEndpoint insertEndpoint(WebhookEndpoint endpoint) {
        return tx.inTransaction(() -> {
            WebhookEndpoint stored = endpoint.withId(nextId++);
            tx.put(endpoints, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public boolean updateEndpoint(WebhookEndpoint endpoint) {
        return tx.inTransaction(() -> {
            if (!endpoints.containsKey(endpoint.id())) {
                return false;
            }
            tx.put(endpoints, endpoint.id(), endpoint);
            return true;
        });
    }

    @Override
    public boolean deleteEndpoint(long id) {
        return tx.inTransaction(() -> {
            if (!endpoints.containsKey(id)) {
                return false;
            }
            List<Long> gone = deliveries.values().stream().filter(d -> d.endpointId() == id)
                    .map(WebhookDelivery::id).toList();
            attempts.values().stream().filter(a -> gone.contains(a.deliveryId())).map(WebhookAttempt::id).toList()
                    .forEach(a -> tx.remove(attempts, a));
            gone.forEach(d -> tx.remove(deliveries, d));
            tx.remove(endpoints, id);
            return true;
        });
    }

    @Override
    public Optional<WebhookEndpoint> findEndpoint(long id) {
        return tx.read(() -> Optional.ofNullable(endpoints.get(id)));
    }

    @Override
    public List<WebhookEndpoint> listEndpoints() {
        return tx.read(() -> List.copyOf(endpoints.values()));
    }

    @Override
    public WebhookDelivery insertDelivery(WebhookDelivery delivery) {
        return tx.inTransaction(() -> {
            WebhookDelivery stored = delivery.withId(nextId++);
            tx.put(deliveries, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(long id) {
        return tx.read(() -> Optional.ofNullable(deliveries.get(id)));
    }

    @Override
    public List<WebhookDelivery> listDeliveries(long endpointId, int limit) {
        return tx.read(() -> deliveries.values().stream().filter(d -> d.endpointId() == endpointId)
                .sorted(Comparator.comparingLong(WebhookDelivery::id).reversed()).limit(limit).toList());
    }

    @Override
    public List<WebhookDelivery> claim(String owner, Instant now, Instant leaseUntil, int max) {
        return tx.inTransaction(() -> deliveries.values().stream()
                .filter(d -> d.status() == OutboxStatus.PENDING && !d.nextAttemptAt().isAfter(now))
                .filter(d -> d.claimedUntil() == null || d.claimedUntil().isBefore(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt)
                        .thenComparingLong(WebhookDelivery::id))
                .limit(max).toList().stream()
                .map(d -> {
                    WebhookDelivery claimed = copy(d, d.status(), d.attempts(), d.nextAttemptAt(), owner, leaseUntil,
                            d.lastStatusCode());
                    tx.put(deliveries, d.id(), claimed);
                    return claimed;
                }).toList());
    }

    @Override
    public Optional<WebhookAttempt> recordAttempt(String owner, WebhookAttempt attempt, OutboxStatus status,
            Instant nextAttemptAt) {
        return tx.inTransaction(() -> {
            WebhookDelivery d = deliveries.get(attempt.deliveryId());
            if (d == null || d.status() != OutboxStatus.PENDING || !owner.equals(d.claimedBy())) {
                return Optional.empty();
            }
            WebhookAttempt stored = new WebhookAttempt(nextId++, attempt.deliveryId(), attempt.at(),
                    attempt.statusCode(), attempt.durationMillis(), attempt.response());
            tx.put(attempts, stored.id(), stored);
            tx.put(deliveries, d.id(), copy(d, status, d.attempts() + 1, nextAttemptAt, null, null,
                    attempt.statusCode()));
            return Optional.of(stored);
        });
    }

    @Override
    public List<WebhookAttempt> listAttempts(long deliveryId) {
        return tx.read(() -> attempts.values().stream().filter(a -> a.deliveryId() == deliveryId).toList());
    }

    @Override
    public boolean requeue(long deliveryId, Instant due) {
        return tx.inTransaction(() -> {
            WebhookDelivery d = deliveries.get(deliveryId);
            if (d == null) {
                return false;
            }
            tx.put(deliveries, d.id(), copy(d, OutboxStatus.PENDING, d.attempts(), due, null, null,
                    d.lastStatusCode()));
            return true;
        });
    }

    @Override
    public int failPending(long endpointId) {
        return tx.inTransaction(() -> {
            List<WebhookDelivery> pending = deliveries.values().stream()
                    .filter(d -> d.endpointId() == endpointId && d.status() == OutboxStatus.PENDING).toList();
            pending.forEach(d -> tx.put(deliveries, d.id(), copy(d, OutboxStatus.FAILED, d.attempts(),
                    d.nextAttemptAt(), null, null, d.lastStatusCode())));
            return pending.size();
        });
    }

    @Override
    public int release(String owner) {
        return tx.inTransaction(() -> {
            List<WebhookDelivery> owned = deliveries.values().stream()
                    .filter(d -> d.status() == OutboxStatus.PENDING && owner.equals(d.claimedBy())).toList();
            owned.forEach(d -> tx.put(deliveries, d.id(), copy(d, d.status(), d.attempts(), d.nextAttemptAt(),
                    null, null, d.lastStatusCode())));
            return owned.size();
        });
    }

    private static WebhookDelivery copy(WebhookDelivery d, OutboxStatus status, int attempts, Instant next,
            @Nullable String claimedBy, @Nullable Instant claimedUntil, @Nullable Integer lastStatusCode) {
        return new WebhookDelivery(d.id(), d.endpointId(), d.messageId(), d.type(), d.payload(), status, attempts,
                d.createdAt(), next, claimedBy, claimedUntil, lastStatusCode);
    }
}
