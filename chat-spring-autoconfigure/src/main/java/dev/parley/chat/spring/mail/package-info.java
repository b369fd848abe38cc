/** Email notifications through chat-mail when an SMTP host is configured. */
@NullMarked
package dev.parley.chat.spring.mail;

import org.jspecify.annotations.NullMarked;
