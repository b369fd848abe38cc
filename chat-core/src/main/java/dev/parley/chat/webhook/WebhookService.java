package dev.parley.chat.webhook;

import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import java.util.List;

/** Manages webhook endpoints and their deliveries. Answers carry the secrets: show them only once. */
public interface WebhookService {

    /** Creates an endpoint with a new secret. */
    WebhookEndpoint create(EndpointDraft draft);

    /** Changes an endpoint; null fields of the draft keep their value. */
    WebhookEndpoint update(long id, EndpointDraft draft);

    /** Deletes an endpoint with its deliveries. */
    void delete(long id);

    /** Every endpoint, by id. */
    List<WebhookEndpoint> list();

    /** One endpoint. */
    WebhookEndpoint get(long id);

    /**
     * Gives the endpoint a new secret; the old one keeps signing alongside it for the rotation overlap, so that
     * receivers can switch without losing a delivery.
     */
    WebhookEndpoint rotateSecret(long id);

    /** The endpoint's deliveries, newest first. */
    List<WebhookDelivery> deliveries(long endpointId, int limit);

    /** One delivery's attempts, oldest first. */
    List<WebhookAttempt> attempts(long deliveryId);

    /** Sends a delivery again as soon as possible, with the same {@code webhook-id}. */
    WebhookDelivery resend(long deliveryId);
}
