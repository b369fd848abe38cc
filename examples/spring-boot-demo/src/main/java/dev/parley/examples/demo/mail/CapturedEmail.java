package dev.parley.examples.demo.mail;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An email the embedded SMTP server received.
 *
 * @param id         a stable id (the Message-ID header)
 * @param from       the From header
 * @param to         every recipient the message was delivered to
 * @param subject    the subject
 * @param receivedAt when it was sent (the Date header) or received
 * @param text       the plain-text body, if any
 * @param html       the HTML body, if any
 */
public record CapturedEmail(
        String id,
        String from,
        List<String> to,
        String subject,
        Instant receivedAt,
        @Nullable String text,
        @Nullable String html) {

    /** Copies the list. */
    public CapturedEmail {
        to = List.copyOf(to);
    }
}
