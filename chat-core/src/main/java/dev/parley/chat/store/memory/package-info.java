/** The in-memory store: thread-safe, transactional, for tests, demos and single-node hosts that keep nothing. */
@NullMarked
package dev.parley.chat.store.memory;

import org.jspecify.annotations.NullMarked;
