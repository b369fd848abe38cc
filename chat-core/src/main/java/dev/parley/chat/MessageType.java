package dev.parley.chat;

/** What a message carries. */
public enum MessageType {
    /** Text only. */
    TEXT,
    /** An image attachment (shown inline). */
    IMAGE,
    /** A document attachment. */
    FILE
}
