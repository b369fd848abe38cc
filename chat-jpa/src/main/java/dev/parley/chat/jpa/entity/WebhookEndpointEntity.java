package dev.parley.chat.jpa.entity;

import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.WebhookEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A row of {@code parley_webhook_endpoint}; the subscribed events as a comma-separated list of wire names. */
@Entity(name = "ParleyWebhookEndpoint")
@Table(name = "parley_webhook_endpoint")
public class WebhookEndpointEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_webhook_endpoint_seq")
    @SequenceGenerator(name = "parley_webhook_endpoint_seq", sequenceName = "parley_webhook_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "url", nullable = false, length = 2000)
    private String url;
    @Column(name = "description", length = 500)
    private @Nullable String description;
    @Column(name = "events", nullable = false, length = 500)
    private String events;
    @Column(name = "enabled", nullable = false)
    private boolean enabled;
    @Column(name = "secret", nullable = false, length = 200)
    private String secret;
    @Column(name = "previous_secret", length = 200)
    private @Nullable String previousSecret;
    @Column(name = "previous_secret_until")
    private @Nullable Instant previousSecretUntil;
    @Column(name = "failing_since")
    private @Nullable Instant failingSince;
    @Column(name = "disabled_reason", length = 500)
    private @Nullable String disabledReason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected WebhookEndpointEntity() {}

    /** A new row holding the endpoint (its id is assigned on persist). */
    public static WebhookEndpointEntity of(WebhookEndpoint e) {
        WebhookEndpointEntity row = new WebhookEndpointEntity();
        row.set(e);
        return row;
    }

    /** Copies every field but the id. */
    public void set(WebhookEndpoint e) {
        url = e.url();
        description = e.description();
        events = e.events().stream().sorted().map(WebhookEventType::wireName).collect(Collectors.joining(","));
        enabled = e.enabled();
        secret = e.secret();
        previousSecret = e.previousSecret();
        previousSecretUntil = e.previousSecretUntil();
        failingSince = e.failingSince();
        disabledReason = e.disabledReason();
        createdAt = e.createdAt();
        updatedAt = e.updatedAt();
    }

    /** The endpoint this row holds. */
    public WebhookEndpoint toRecord() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(events.split(",")).filter(s -> !s.isBlank())
                .forEach(s -> WebhookEventType.parse(s).ifPresent(types::add));
        return new WebhookEndpoint(id, url, description, types, enabled, secret, previousSecret,
                previousSecretUntil, failingSince, disabledReason, createdAt, updatedAt);
    }
}
