package dev.parley.chat.jpa.entity;

import dev.parley.chat.WebhookAttempt;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code parley_webhook_attempt}: one try to send a delivery. */
@Entity(name = "ParleyWebhookAttempt")
@Table(name = "parley_webhook_attempt")
public class WebhookAttemptEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_webhook_attempt_seq")
    @SequenceGenerator(name = "parley_webhook_attempt_seq", sequenceName = "parley_webhook_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;
    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;
    @Column(name = "status_code")
    private @Nullable Integer statusCode;
    @Column(name = "duration_millis", nullable = false)
    private long durationMillis;
    @Column(name = "response", nullable = false)
    private String response;

    /** For JPA. */
    protected WebhookAttemptEntity() {}

    /** A new row holding the attempt (its id is assigned on persist). */
    public static WebhookAttemptEntity of(WebhookAttempt a) {
        WebhookAttemptEntity e = new WebhookAttemptEntity();
        e.deliveryId = a.deliveryId();
        e.attemptedAt = a.at();
        e.statusCode = a.statusCode();
        e.durationMillis = a.durationMillis();
        e.response = a.response();
        return e;
    }

    /** The attempt this row holds. */
    public WebhookAttempt toRecord() {
        return new WebhookAttempt(id, deliveryId, attemptedAt, statusCode, durationMillis, response);
    }
}
