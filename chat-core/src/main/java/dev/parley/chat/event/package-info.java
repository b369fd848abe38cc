/** Change events published after a change is stored. */
@NullMarked
package dev.parley.chat.event;

import org.jspecify.annotations.NullMarked;
