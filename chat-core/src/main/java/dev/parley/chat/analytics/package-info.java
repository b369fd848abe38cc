/** Per-chat analytics and the analytics report. */
@NullMarked
package dev.parley.chat.analytics;

import org.jspecify.annotations.NullMarked;
