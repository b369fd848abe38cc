/** Implementation details shared by the services; not part of the public API. */
@NullMarked
package dev.parley.chat.internal;

import org.jspecify.annotations.NullMarked;
