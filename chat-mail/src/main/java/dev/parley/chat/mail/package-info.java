/**
 * Notifications over SMTP: {@link dev.parley.chat.mail.MailNotifier} renders each notification from Mustache
 * templates into an HTML and plain-text email and sends it with Eclipse Angus Mail.
 */
@NullMarked
package dev.parley.chat.mail;

import org.jspecify.annotations.NullMarked;
