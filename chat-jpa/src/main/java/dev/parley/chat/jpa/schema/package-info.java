/** Parley's schema: versioned migration files, the runner that applies them, and the table prefix. */
@NullMarked
package dev.parley.chat.jpa.schema;

import org.jspecify.annotations.NullMarked;
