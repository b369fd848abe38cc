/**
 * Business hours: when a team answers, as weekly local opening periods and closed dates in one time zone, evaluated
 * with {@code java.time} whenever asked, so that a daylight-saving change never shifts them.
 */
@NullMarked
package dev.parley.chat.hours;

import org.jspecify.annotations.NullMarked;
