/** Canned responses: stored replies with variables, inserted by shortcut. */
@NullMarked
package dev.parley.chat.canned;

import org.jspecify.annotations.NullMarked;
