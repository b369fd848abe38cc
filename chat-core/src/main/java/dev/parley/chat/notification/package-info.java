/** Notifications, the outbox that makes them durable, and the port that delivers them. */
@NullMarked
package dev.parley.chat.notification;

import org.jspecify.annotations.NullMarked;
