package dev.parley.chat.assignment;

/**
 * What one sweep did.
 *
 * @param returned unanswered chats of offline admins put back into the queue
 * @param assigned chats assigned from the queues
 */
public record Sweep(int returned, int assigned) {}
