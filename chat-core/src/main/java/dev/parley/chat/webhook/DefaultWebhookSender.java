package dev.parley.chat.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Posts webhooks with the JDK's {@link HttpClient}: connect and read timeouts bounded, redirects never followed,
 * the target's addresses checked against {@link TargetGuard} before each request, at most
 * {@value #MAX_BODY_START} bytes of the answer kept.
 */
public final class DefaultWebhookSender implements WebhookSender {

    /** How much of an answer's body is kept. */
    public static final int MAX_BODY_START = 1_024;

    private final HttpClient client;
    private final Duration readTimeout;
    private final TargetGuard guard;
    private final Clock clock;

    /** A sender with the settings' timeouts and target rule. */
    public DefaultWebhookSender(WebhookSettings settings, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = settings.readTimeout();
        this.guard = new TargetGuard(settings.allowPrivateTargets());
        this.clock = clock;
    }

    @Override
    public Answer post(URI target, Map<String, String> headers, String body) throws IOException {
        guard.check(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Parley-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] start;
        try (InputStream in = response.body()) {
            start = in.readNBytes(MAX_BODY_START);
        }
        return new Answer(response.statusCode(), new String(start, StandardCharsets.UTF_8),
                retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }

    /** The wait of a {@code Retry-After} value: seconds, or an HTTP date. */
    @Nullable Duration retryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
