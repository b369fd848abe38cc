package dev.parley.chat.mail;

/**
 * One notification, rendered: what {@link MailNotifier} sends.
 *
 * @param subject the subject, one line (no control characters)
 * @param html    the HTML body, everything the visitor typed escaped
 * @param text    the plain-text body
 */
public record RenderedEmail(String subject, String html, String text) {}
