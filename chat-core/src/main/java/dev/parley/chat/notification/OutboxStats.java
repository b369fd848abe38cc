package dev.parley.chat.notification;

import java.time.Duration;

/**
 * The outbox at a glance.
 *
 * @param pending items waiting for delivery (including retries)
 * @param sent    items delivered
 * @param failed  items given up after the last attempt
 * @param lag     how overdue the oldest pending item is (zero when nothing is overdue)
 */
public record OutboxStats(long pending, long sent, long failed, Duration lag) {}
