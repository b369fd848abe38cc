/** Departments that chats are routed to. */
@NullMarked
package dev.parley.chat.department;

import org.jspecify.annotations.NullMarked;
