/**
 * Webhooks after the Standard Webhooks specification: endpoints, signed deliveries written in the transaction of
 * the change, a dispatcher that retries them, and a guard against requests to private addresses.
 */
@NullMarked
package dev.parley.chat.webhook;

import org.jspecify.annotations.NullMarked;
