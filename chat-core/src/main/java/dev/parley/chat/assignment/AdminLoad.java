package dev.parley.chat.assignment;

/**
 * An admin's assignment load.
 *
 * @param adminId   the admin's id
 * @param openChats open chats assigned to them now
 * @param capacity  how many they take at most (their own value, else the default)
 */
public record AdminLoad(String adminId, int openChats, int capacity) {}
