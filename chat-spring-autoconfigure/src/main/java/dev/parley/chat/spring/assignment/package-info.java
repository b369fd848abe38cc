/** Automatic assignment as beans: its settings, the periodic sweep and the admin endpoints of queues and capacities. */
@NullMarked
package dev.parley.chat.spring.assignment;

import org.jspecify.annotations.NullMarked;
