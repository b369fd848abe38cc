/** The persistence SPI that store adapters implement, and the in-memory store. */
@NullMarked
package dev.parley.chat.store;

import org.jspecify.annotations.NullMarked;
