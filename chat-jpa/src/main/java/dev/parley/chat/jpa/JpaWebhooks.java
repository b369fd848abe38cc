package dev.parley.chat.jpa;

import dev.parley.chat.OutboxStatus;
import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.jpa.entity.WebhookAttemptEntity;
import dev.parley.chat.jpa.entity.WebhookDeliveryEntity;
import dev.parley.chat.jpa.entity.WebhookEndpointEntity;
import dev.parley.chat.store.WebhookRecords;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The webhook tables. Claims use a conditional lease update: the database re-checks the condition after waiting
 * for a row lock, so two claimers never both win a delivery (as {@link JpaOutbox} does off PostgreSQL).
 */
final class JpaWebhooks implements WebhookRecords {

    private static final String CLAIMABLE = "d.status = 'PENDING' and d.nextAttemptAt <= :now"
            + " and (d.claimedUntil is null or d.claimedUntil < :now)";

    private final JpaTransactions tx;

    JpaWebhooks(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public WebhookEndpoint insertEndpoint(WebhookEndpoint endpoint) {
        return tx.call(t -> {
            WebhookEndpointEntity e = WebhookEndpointEntity.of(endpoint);
            t.em.persist(e);
            return e.toRecord();
        });
    }

    @Override
    public boolean updateEndpoint(WebhookEndpoint endpoint) {
        return tx.call(t -> {
            WebhookEndpointEntity e = t.em.find(WebhookEndpointEntity.class, endpoint.id());
            if (e == null) {
                return false;
            }
            e.set(endpoint);
            return true;
        });
    }

    @Override
    public boolean deleteEndpoint(long id) {
        return tx.call(t -> {
            WebhookEndpointEntity e = t.em.find(WebhookEndpointEntity.class, id);
            if (e == null) {
                return false;
            }
            t.em.flush();
            t.em.createQuery("delete from ParleyWebhookAttempt a where a.deliveryId in"
                    + " (select d.id from ParleyWebhookDelivery d where d.endpointId = :id)")
                    .setParameter("id", id).executeUpdate();
            t.em.createQuery("delete from ParleyWebhookDelivery d where d.endpointId = :id")
                    .setParameter("id", id).executeUpdate();
            t.evict(WebhookDeliveryEntity.class, d -> true);
            t.evict(WebhookAttemptEntity.class, a -> true);
            t.em.remove(e);
            return true;
        });
    }

    @Override
    public Optional<WebhookEndpoint> findEndpoint(long id) {
        return tx.call(t -> Optional.ofNullable(t.em.find(WebhookEndpointEntity.class, id))
                .map(WebhookEndpointEntity::toRecord));
    }

    @Override
    public List<WebhookEndpoint> listEndpoints() {
        return tx.call(t -> t.em.createQuery("select e from ParleyWebhookEndpoint e order by e.id",
                WebhookEndpointEntity.class).getResultStream().map(WebhookEndpointEntity::toRecord).toList());
    }

    @Override
    public WebhookDelivery insertDelivery(WebhookDelivery delivery) {
        return tx.call(t -> {
            WebhookDeliveryEntity e = WebhookDeliveryEntity.of(delivery);
            t.em.persist(e);
            return e.toRecord();
        });
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(long id) {
        return tx.call(t -> Optional.ofNullable(t.em.find(WebhookDeliveryEntity.class, id))
                .map(WebhookDeliveryEntity::toRecord));
    }

    @Override
    public List<WebhookDelivery> listDeliveries(long endpointId, int limit) {
        return tx.call(t -> t.em.createQuery("select d from ParleyWebhookDelivery d where d.endpointId = :id"
                        + " order by d.id desc", WebhookDeliveryEntity.class).setParameter("id", endpointId)
                .setMaxResults(limit).getResultStream().map(WebhookDeliveryEntity::toRecord).toList());
    }

    @Override
    public List<WebhookDelivery> claim(String owner, Instant now, Instant leaseUntil, int max) {
        // the column keeps microseconds: a lease with nanoseconds (Linux clocks) would never match it when read back
        Instant lease = leaseUntil.truncatedTo(ChronoUnit.MICROS);
        return tx.call(t -> {
            fresh(t);
            List<WebhookDelivery> claimed = new ArrayList<>();
            // A few rounds: candidates another claimer took meanwhile are replaced by the next due ones.
            for (int round = 0; round < 3 && claimed.size() < max; round++) {
                List<Long> candidates = t.em.createQuery("select d.id from ParleyWebhookDelivery d where "
                                + CLAIMABLE + " order by d.nextAttemptAt, d.id", Long.class)
                        .setParameter("now", now).setMaxResults(max - claimed.size()).getResultList();
                if (candidates.isEmpty()) {
                    break;
                }
                int won = t.em.createQuery("update ParleyWebhookDelivery d set d.claimedBy = :owner,"
                                + " d.claimedUntil = :lease where d.id in :ids and " + CLAIMABLE)
                        .setParameter("owner", owner).setParameter("lease", lease)
                        .setParameter("ids", candidates).setParameter("now", now).executeUpdate();
                if (won > 0) {
                    t.em.createQuery("select d from ParleyWebhookDelivery d where d.id in :ids"
                                    + " and d.claimedBy = :owner and d.claimedUntil = :lease",
                                    WebhookDeliveryEntity.class)
                            .setParameter("ids", candidates).setParameter("owner", owner)
                            .setParameter("lease", lease).getResultList()
                            .forEach(e -> claimed.add(e.toRecord()));
                }
                if (won == candidates.size()) {
                    break;
                }
            }
            return claimed.stream().sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt)
                    .thenComparingLong(WebhookDelivery::id)).toList();
        });
    }

    @Override
    public Optional<WebhookAttempt> recordAttempt(String owner, WebhookAttempt attempt, OutboxStatus status,
            Instant nextAttemptAt) {
        return tx.call(t -> {
            fresh(t);
            int won = t.em.createQuery("update ParleyWebhookDelivery d set d.status = :status,"
                            + " d.attempts = d.attempts + 1, d.nextAttemptAt = :next, d.claimedBy = null,"
                            + " d.claimedUntil = null, d.lastStatusCode = :code where d.id = :id"
                            + " and d.status = 'PENDING' and d.claimedBy = :owner")
                    .setParameter("status", status.name()).setParameter("next", nextAttemptAt)
                    .setParameter("code", attempt.statusCode()).setParameter("id", attempt.deliveryId())
                    .setParameter("owner", owner).executeUpdate();
            if (won == 0) {
                return Optional.empty();
            }
            WebhookAttemptEntity e = WebhookAttemptEntity.of(attempt);
            t.em.persist(e);
            return Optional.of(e.toRecord());
        });
    }

    @Override
    public List<WebhookAttempt> listAttempts(long deliveryId) {
        return tx.call(t -> t.em.createQuery("select a from ParleyWebhookAttempt a where a.deliveryId = :id"
                        + " order by a.id", WebhookAttemptEntity.class).setParameter("id", deliveryId)
                .getResultStream().map(WebhookAttemptEntity::toRecord).toList());
    }

    @Override
    public boolean requeue(long deliveryId, Instant due) {
        return tx.call(t -> {
            fresh(t);
            return t.em.createQuery("update ParleyWebhookDelivery d set d.status = 'PENDING',"
                            + " d.nextAttemptAt = :due, d.claimedBy = null, d.claimedUntil = null where d.id = :id")
                    .setParameter("due", due).setParameter("id", deliveryId).executeUpdate() > 0;
        });
    }

    @Override
    public int failPending(long endpointId) {
        return tx.call(t -> {
            fresh(t);
            return t.em.createQuery("update ParleyWebhookDelivery d set d.status = 'FAILED', d.claimedBy = null,"
                            + " d.claimedUntil = null where d.endpointId = :id and d.status = 'PENDING'")
                    .setParameter("id", endpointId).executeUpdate();
        });
    }

    @Override
    public int release(String owner) {
        return tx.call(t -> {
            fresh(t);
            return t.em.createQuery("update ParleyWebhookDelivery d set d.claimedBy = null,"
                            + " d.claimedUntil = null where d.claimedBy = :owner and d.status = 'PENDING'")
                    .setParameter("owner", owner).executeUpdate();
        });
    }

    /** Flushes and drops loaded deliveries, so that bulk statements and later reads see the rows as they are. */
    private static void fresh(Tx t) {
        t.em.flush();
        t.evict(WebhookDeliveryEntity.class, d -> true);
    }
}
