package dev.parley.chat.jpa.entity;

import dev.parley.chat.OutboxStatus;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code parley_webhook_delivery}: one event for one endpoint. */
@Entity(name = "ParleyWebhookDelivery")
@Table(name = "parley_webhook_delivery")
public class WebhookDeliveryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_webhook_delivery_seq")
    @SequenceGenerator(name = "parley_webhook_delivery_seq", sequenceName = "parley_webhook_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;
    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;
    @Column(name = "event_type", nullable = false, length = 50)
    private String eventType;
    @Column(name = "payload", nullable = false)
    private String payload;
    @Column(name = "status", nullable = false, length = 16)
    private String status;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "claimed_by", length = 200)
    private @Nullable String claimedBy;
    @Column(name = "claimed_until")
    private @Nullable Instant claimedUntil;
    @Column(name = "last_status_code")
    private @Nullable Integer lastStatusCode;

    /** For JPA. */
    protected WebhookDeliveryEntity() {}

    /** A new row holding the delivery (its id is assigned on persist). */
    public static WebhookDeliveryEntity of(WebhookDelivery d) {
        WebhookDeliveryEntity e = new WebhookDeliveryEntity();
        e.endpointId = d.endpointId();
        e.messageId = d.messageId();
        e.eventType = d.type().name();
        e.payload = d.payload();
        e.status = d.status().name();
        e.attempts = d.attempts();
        e.createdAt = d.createdAt();
        e.nextAttemptAt = d.nextAttemptAt();
        e.claimedBy = d.claimedBy();
        e.claimedUntil = d.claimedUntil();
        e.lastStatusCode = d.lastStatusCode();
        return e;
    }

    /** The delivery this row holds. */
    public WebhookDelivery toRecord() {
        return new WebhookDelivery(id, endpointId, messageId, WebhookEventType.valueOf(eventType), payload,
                OutboxStatus.valueOf(status), attempts, createdAt, nextAttemptAt, claimedBy, claimedUntil,
                lastStatusCode);
    }
}
