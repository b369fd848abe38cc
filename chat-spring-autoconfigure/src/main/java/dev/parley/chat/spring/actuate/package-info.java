/**
 * Operations: Actuator health indicators (outbox backlog and failures, storage writable, SMTP reachable) and
 * Micrometer metrics, each switched on when its library is on the classpath.
 */
@NullMarked
package dev.parley.chat.spring.actuate;

import org.jspecify.annotations.NullMarked;
