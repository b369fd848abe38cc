/** Admin presence: heartbeats, going offline, who is online. */
@NullMarked
package dev.parley.chat.presence;

import org.jspecify.annotations.NullMarked;
