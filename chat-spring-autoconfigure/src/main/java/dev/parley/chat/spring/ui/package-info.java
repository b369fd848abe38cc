/**
 * Serves the chat widget and the admin dashboard of the {@code chat-ui} jar when it is on the classpath: versioned
 * asset URLs with long-lived caching, the dashboard at {@code /parley/admin/} with strict security headers, and the
 * signed-in admin's profile for the dashboard.
 */
@NullMarked
package dev.parley.chat.spring.ui;

import org.jspecify.annotations.NullMarked;
