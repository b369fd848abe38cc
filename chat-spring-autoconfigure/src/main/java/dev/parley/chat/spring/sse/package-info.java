/**
 * Live updates over Server-Sent Events: a visitor stream of one chat and an admin stream of everything, fed by the
 * event log of every node, with the log ids as event ids, keep-alive comments, bounded buffers per client and
 * resumption after {@code Last-Event-ID} on any node (from a bounded buffer, else from the log).
 */
@NullMarked
package dev.parley.chat.spring.sse;

import org.jspecify.annotations.NullMarked;
