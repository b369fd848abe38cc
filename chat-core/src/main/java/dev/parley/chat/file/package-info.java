/** File uploads: validation by content, and the storage port. */
@NullMarked
package dev.parley.chat.file;

import org.jspecify.annotations.NullMarked;
