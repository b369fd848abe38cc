/** The rules of a conversation: starting chats, visitor and admin messages, status, assignment and ratings. */
@NullMarked
package dev.parley.chat.conversation;

import org.jspecify.annotations.NullMarked;
