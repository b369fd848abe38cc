package dev.parley.chat.webhook;

import dev.parley.chat.OutboxStatus;
import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.store.WebhookRecords;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries in the background: claims them with a lease (so that one node sends each), signs
 * and posts each, and records every attempt. A 2xx answer completes the delivery; a 410 disables the endpoint; any
 * other answer or none is retried after the next of the settings' delays, or after the receiver's
 * {@code Retry-After} when that is longer, until the delays are used up. An endpoint failing with no success for
 * {@link WebhookSettings#disableAfter()} is disabled.
 */
public final class DefaultWebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DefaultWebhookDispatcher.class);
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final WebhookRecords records;
    private final WebhookSender sender;
    private final WebhookRecorder recorder;
    private final WebhookSettings settings;
    private final Clock clock;
    private final String owner;
    private final Object passLock = new Object();
    private final AtomicReference<@Nullable ScheduledExecutorService> scheduler = new AtomicReference<>();

    /** Creates the dispatcher; {@code owner} names this node in its claims. */
    public DefaultWebhookDispatcher(WebhookRecords records, WebhookSender sender, WebhookRecorder recorder,
            WebhookSettings settings, Clock clock, String owner) {
        this.records = records;
        this.sender = sender;
        this.recorder = recorder;
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
    }

    /** Sends every due delivery, batch after batch; answers how many attempts were made. */
    public int dispatchDue() {
        synchronized (passLock) {
            int handled = 0;
            while (true) {
                Instant now = clock.instant();
                List<WebhookDelivery> batch = records.claim(owner, now, now.plus(settings.lease()),
                        settings.batchSize());
                for (WebhookDelivery d : batch) {
                    attempt(d);
                    handled++;
                }
                if (batch.size() < settings.batchSize()) {
                    return handled;
                }
            }
        }
    }

    private void attempt(WebhookDelivery d) {
        Instant start = clock.instant();
        WebhookEndpoint endpoint = records.findEndpoint(d.endpointId()).orElse(null);
        if (endpoint == null || !endpoint.enabled()) {
            records.recordAttempt(owner, new WebhookAttempt(0, d.id(), start, null, 0,
                    "not sent: the endpoint is disabled"), OutboxStatus.FAILED, d.nextAttemptAt());
            return;
        }
        Integer status = null;
        String response;
        Duration retryAfter = null;
        long begin = System.nanoTime();
        try {
            WebhookSender.Answer answer = sender.post(URI.create(endpoint.url()), headers(endpoint, d, start),
                    d.payload());
            status = answer.status();
            response = answer.bodyStart();
            retryAfter = answer.retryAfter();
        } catch (IOException | RuntimeException e) {
            response = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long millis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        WebhookAttempt attempt = new WebhookAttempt(0, d.id(), start, status, millis, response);
        if (attempt.succeeded()) {
            finish(d, attempt, OutboxStatus.SENT, d.nextAttemptAt());
            if (endpoint.failingSince() != null) {
                save(endpoint, true, null, null);
            }
        } else if (status != null && status == 410) {
            finish(d, attempt, OutboxStatus.FAILED, d.nextAttemptAt());
            disable(endpoint, "the receiver answered 410 Gone");
        } else {
            failed(d, endpoint, attempt, retryAfter);
        }
    }

    private void failed(WebhookDelivery d, WebhookEndpoint endpoint, WebhookAttempt attempt,
            @Nullable Duration retryAfter) {
        Instant now = clock.instant();
        Instant failingSince = endpoint.failingSince() == null ? attempt.at() : endpoint.failingSince();
        int retry = d.attempts();
        if (retry >= settings.retryDelays().size()) {
            finish(d, attempt, OutboxStatus.FAILED, d.nextAttemptAt());
            log.warn("Webhook {} to endpoint {} given up after {} attempts: {}", d.messageId(), endpoint.id(),
                    retry + 1, describe(attempt));
        } else {
            Duration wait = settings.retryDelays().get(retry);
            if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            }
            finish(d, attempt, OutboxStatus.PENDING, now.plus(wait));
            log.info("Webhook {} to endpoint {} failed ({}), retrying in {}", d.messageId(), endpoint.id(),
                    describe(attempt), wait);
        }
        if (!now.isBefore(failingSince.plus(settings.disableAfter()))) {
            disable(endpoint, "no delivery succeeded since " + failingSince);
        } else if (endpoint.failingSince() == null) {
            save(endpoint, true, failingSince, null);
        }
    }

    private void finish(WebhookDelivery d, WebhookAttempt attempt, OutboxStatus status, Instant next) {
        if (records.recordAttempt(owner, attempt, status, next).isEmpty()) {
            log.warn("Webhook delivery {} was no longer claimed by {} (its lease ran out); its attempt is not"
                    + " recorded", d.id(), owner);
        }
    }

    private void disable(WebhookEndpoint endpoint, String reason) {
        save(endpoint, false, endpoint.failingSince(), reason);
        int failed = records.failPending(endpoint.id());
        // Emailing the owners needs a notification kind of its own; until then the log says it.
        log.warn("Webhook endpoint {} ({}) disabled: {}; {} pending deliveries failed. Enable it again once the"
                + " receiver works.", endpoint.id(), endpoint.url(), reason, failed);
    }

    private void save(WebhookEndpoint e, boolean enabled, @Nullable Instant failingSince, @Nullable String reason) {
        WebhookEndpoint current = records.findEndpoint(e.id()).orElse(e);
        records.updateEndpoint(new WebhookEndpoint(current.id(), current.url(), current.description(),
                current.events(), enabled && current.enabled(), current.secret(), current.previousSecret(),
                current.previousSecretUntil(), failingSince, reason, current.createdAt(), current.updatedAt()));
        recorder.endpointsChanged();
    }

    private static String describe(WebhookAttempt a) {
        return a.statusCode() == null ? a.response() : "HTTP " + a.statusCode();
    }

    /** The Standard Webhooks headers; both signatures while a rotated secret overlaps. */
    Map<String, String> headers(WebhookEndpoint endpoint, WebhookDelivery d, Instant at) {
        long timestamp = at.getEpochSecond();
        String signature = new WebhookSecret(endpoint.secret()).sign(d.messageId(), timestamp, d.payload());
        if (endpoint.previousSecret() != null && endpoint.previousSecretUntil() != null
                && at.isBefore(endpoint.previousSecretUntil())) {
            signature += " " + new WebhookSecret(endpoint.previousSecret()).sign(d.messageId(), timestamp,
                    d.payload());
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("webhook-id", d.messageId());
        h.put("webhook-timestamp", Long.toString(timestamp));
        h.put("webhook-signature", signature);
        return h;
    }

    /** Starts sending in the background, every poll interval. Calling it twice does nothing. */
    public synchronized void start() {
        if (scheduler.get() != null) {
            return;
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-webhooks");
            t.setDaemon(true);
            return t;
        });
        scheduler.set(s);
        long every = settings.pollInterval().toMillis();
        s.scheduleWithFixedDelay(this::safePass, every, every, TimeUnit.MILLISECONDS);
    }

    private void safePass() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Webhook pass failed; trying again in {}", settings.pollInterval(), e);
        }
    }

    /** Stops sending, lets a running pass finish, and releases this node's claims. */
    @Override
    public synchronized void close() {
        ScheduledExecutorService s = scheduler.getAndSet(null);
        if (s == null) {
            return;
        }
        s.shutdown();
        try {
            if (!s.awaitTermination(30, TimeUnit.SECONDS)) {
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
        records.release(owner);
    }
}
