package dev.parley.chat.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Posts one signed webhook body. */
public interface WebhookSender {

    /**
     * Posts the JSON body with the headers and answers what the receiver said.
     *
     * @throws IOException when there was no answer (refused, timed out, reset, …)
     */
    Answer post(URI target, Map<String, String> headers, String body) throws IOException;

    /**
     * What a receiver answered.
     *
     * @param status     the HTTP status
     * @param bodyStart  the first bytes of the body, as text
     * @param retryAfter the wait the {@code Retry-After} header asked for, if any
     */
    record Answer(int status, String bodyStart, @Nullable Duration retryAfter) {}
}
