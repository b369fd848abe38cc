package dev.parley.chat.jpa.entity;

import dev.parley.chat.AdminPresence;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code parley_presence}, keyed by the admin's id so that one admin never has two rows. */
@Entity(name = "ParleyPresence")
@Table(name = "parley_presence")
public class PresenceEntity {

    @Id
    @Column(name = "user_id", length = 200)
    private String userId;
    @Column(name = "online", nullable = false)
    private boolean online;
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;
    @Column(name = "socket_id", length = 200)
    private @Nullable String socketId;
    @Column(name = "department", length = 50)
    private @Nullable String department;

    /** For JPA. */
    protected PresenceEntity() {}

    /** The presence this row holds. */
    public AdminPresence toRecord() {
        return new AdminPresence(userId, online, lastSeenAt, socketId, department);
    }
}
