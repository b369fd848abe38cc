package dev.parley.chat.jpa.entity;

import dev.parley.chat.OutboxItem;
import dev.parley.chat.OutboxStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code parley_outbox}: one notification waiting for, or done with, delivery. */
@Entity(name = "ParleyOutboxItem")
@Table(name = "parley_outbox")
public class OutboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_outbox_seq")
    @SequenceGenerator(name = "parley_outbox_seq", sequenceName = "parley_outbox_seq", allocationSize = 50)
    private Long id;

    @Column(name = "kind", nullable = false, length = 50)
    private String kind;
    @Column(name = "dedup_key", length = 200)
    private @Nullable String dedupKey;
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
    @Column(name = "last_error")
    private @Nullable String lastError;

    /** For JPA. */
    protected OutboxEntity() {}

    /** A new row holding the item (its id is assigned on persist). */
    public static OutboxEntity of(OutboxItem i) {
        OutboxEntity e = new OutboxEntity();
        e.kind = i.kind();
        e.dedupKey = i.dedupKey();
        e.payload = i.payload();
        e.status = i.status().name();
        e.attempts = i.attempts();
        e.createdAt = i.createdAt();
        e.nextAttemptAt = i.nextAttemptAt();
        e.claimedBy = i.claimedBy();
        e.claimedUntil = i.claimedUntil();
        e.lastError = i.lastError();
        return e;
    }

    /** The store-assigned id. */
    public Long getId() {
        return id;
    }

    /** The item this row holds. */
    public OutboxItem toRecord() {
        return new OutboxItem(id, kind, dedupKey, payload, OutboxStatus.valueOf(status), attempts, createdAt,
                nextAttemptAt, claimedBy, claimedUntil, lastError);
    }
}
