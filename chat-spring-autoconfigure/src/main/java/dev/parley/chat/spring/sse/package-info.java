/**
 * Live updates over Server-Sent Events: a visitor stream of one chat and an admin stream of everything, fed by the
 * core's change events, with event ids, keep-alive comments, bounded buffers per client and resumption after
 * {@code Last-Event-ID} from a bounded replay buffer.
 */
@NullMarked
package dev.parley.chat.spring.sse;

import org.jspecify.annotations.NullMarked;
