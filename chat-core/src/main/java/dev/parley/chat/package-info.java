/** Parley's public core API: chats, messages, the services a host calls, and the typed errors. */
@NullMarked
package dev.parley.chat;

import org.jspecify.annotations.NullMarked;
