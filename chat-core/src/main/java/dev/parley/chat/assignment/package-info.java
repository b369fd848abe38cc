/**
 * Automatic assignment: each department's queue of chats waiting for an agent, drained to the online admins who
 * serve it and have room, by the department's {@link dev.parley.chat.AssignmentMode}.
 */
@NullMarked
package dev.parley.chat.assignment;

import org.jspecify.annotations.NullMarked;
