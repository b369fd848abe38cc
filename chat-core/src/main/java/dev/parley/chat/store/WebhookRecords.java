package dev.parley.chat.store;

import dev.parley.chat.OutboxStatus;
import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook endpoints, their deliveries (an outbox of their own, one row per event and endpoint) and every attempt.
 * Claims are exclusive: a delivery claimed by one dispatcher is not handed to another until its lease runs out.
 */
public interface WebhookRecords {

    /** Stores a new endpoint (its id is ignored) and answers it with the assigned id. */
    WebhookEndpoint insertEndpoint(WebhookEndpoint endpoint);

    /** Replaces the endpoint with this id; answers false when there is none. */
    boolean updateEndpoint(WebhookEndpoint endpoint);

    /** Deletes the endpoint with its deliveries and their attempts; answers false when there was none. */
    boolean deleteEndpoint(long id);

    /** The endpoint with this id. */
    Optional<WebhookEndpoint> findEndpoint(long id);

    /** Every endpoint, by id. */
    List<WebhookEndpoint> listEndpoints();

    /** Stores a new delivery (its id is ignored) and answers it with the assigned id. */
    WebhookDelivery insertDelivery(WebhookDelivery delivery);

    /** The delivery with this id. */
    Optional<WebhookDelivery> findDelivery(long id);

    /** The endpoint's deliveries, newest first (by id), at most {@code limit}. */
    List<WebhookDelivery> listDeliveries(long endpointId, int limit);

    /**
     * Claims up to {@code max} pending deliveries due at {@code now} whose claim is absent or expired, oldest due
     * first (then lowest id), for the owner until {@code leaseUntil}. Concurrent claimers never get the same one.
     */
    List<WebhookDelivery> claim(String owner, Instant now, Instant leaseUntil, int max);

    /**
     * Stores an attempt of a delivery the owner still claims and moves the delivery to {@code status} (counting the
     * attempt, keeping its status code, due again at {@code nextAttemptAt} when pending, its claim cleared), in one
     * transaction. Answers the stored attempt, or empty (storing nothing) when the owner no longer claims it.
     */
    Optional<WebhookAttempt> recordAttempt(String owner, WebhookAttempt attempt, OutboxStatus status,
            Instant nextAttemptAt);

    /** The delivery's attempts, oldest first. */
    List<WebhookAttempt> listAttempts(long deliveryId);

    /** Puts a delivery back as pending, due at {@code due}, its claim cleared; false when there is none. */
    boolean requeue(long deliveryId, Instant due);

    /** Marks the endpoint's pending deliveries failed (the endpoint was disabled); answers how many. */
    int failPending(long endpointId);

    /** Releases the owner's claims without counting an attempt; answers how many. */
    int release(String owner);
}
