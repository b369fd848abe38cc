package dev.parley.chat;

/** Where an outbox item is. */
public enum OutboxStatus {
    /** Waiting to be delivered (possibly after a failed attempt). */
    PENDING,
    /** Delivered. */
    SENT,
    /** Given up after the last attempt. */
    FAILED
}
