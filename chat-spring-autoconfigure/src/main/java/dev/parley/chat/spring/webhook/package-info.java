/**
 * Webhooks in a Spring application: the properties under {@code parley.webhooks}, the store that records them in
 * the transaction of each change, the background dispatcher and the admin endpoints.
 */
@NullMarked
package dev.parley.chat.spring.webhook;

import org.jspecify.annotations.NullMarked;
