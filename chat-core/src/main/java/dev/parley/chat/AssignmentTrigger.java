package dev.parley.chat;

/**
 * Called when a chat is left without an assignee so that automatic assignment can hand it to someone, e.g. after a
 * transfer to a department whose admins do not include the assignee. It runs after the change has committed, on the
 * caller's thread; a failure is logged and does not undo the change.
 */
@FunctionalInterface
public interface AssignmentTrigger {

    /** Does nothing: the chat waits, unassigned, in its department. */
    AssignmentTrigger NONE = chat -> { };

    /** The chat, as committed, has no assignee and waits in its department. */
    void chatAwaitsAgent(Chat chat);
}
