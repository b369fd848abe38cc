/**
 * Several nodes on one database: each node follows the store's event log ({@link EventLogFeed}) and hands what it
 * reads to its event streams and caches; on PostgreSQL a listener connection wakes it up when another node wrote.
 */
@NullMarked
package dev.parley.chat.spring.cluster;

import org.jspecify.annotations.NullMarked;
