package dev.parley.chat.spring.actuate;

import dev.parley.chat.Sender;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.spring.sse.ChatStreamHub;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Parley's Micrometer metrics: {@code parley.chats.started}, {@code parley.messages} (by sender),
 * {@code parley.notifications.sent} and {@code .failed}, {@code parley.outbox.pending}, {@code parley.outbox.lag}
 * and {@code parley.sse.clients} (by stream).
 */
final class ParleyMetrics implements MeterBinder, ChatEventListener {

    private final OutboxStatsCache outbox;
    private final @Nullable ChatStreamHub hub;
    private volatile @Nullable Counter chatsStarted;
    private final Map<Sender, Counter> messages = new EnumMap<>(Sender.class);

    ParleyMetrics(OutboxStatsCache outbox, @Nullable ChatStreamHub hub) {
        this.outbox = outbox;
        this.hub = hub;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Sender sender : Sender.values()) {
            messages.put(sender, Counter.builder("parley.messages")
                    .description("Chat messages stored (the first message of a chat included)")
                    .tag("sender", sender.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        FunctionCounter.builder("parley.notifications.sent", outbox, o -> o.recent().sent())
                .description("Notifications delivered").register(registry);
        FunctionCounter.builder("parley.notifications.failed", outbox, o -> o.recent().failed())
                .description("Notifications given up after their last attempt").register(registry);
        Gauge.builder("parley.outbox.pending", outbox, o -> o.recent().pending())
                .description("Notifications waiting for delivery").register(registry);
        TimeGauge.builder("parley.outbox.lag", outbox, TimeUnit.MILLISECONDS, o -> o.recent().lag().toMillis())
                .description("How overdue the oldest pending notification is").register(registry);
        ChatStreamHub h = hub;
        if (h != null) {
            Gauge.builder("parley.sse.clients", h, x -> x.clientCount(true)).tag("stream", "admin")
                    .description("Open event streams").register(registry);
            Gauge.builder("parley.sse.clients", h, x -> x.clientCount(false)).tag("stream", "visitor")
                    .description("Open event streams").register(registry);
        }
        chatsStarted = Counter.builder("parley.chats.started").description("Chats started by visitors")
                .register(registry);
    }

    @Override
    public void onEvent(ChatEvent event) {
        Counter started = chatsStarted;
        if (started == null) {
            return;
        }
        if (event instanceof ChatEvent.ChatStarted e) {
            started.increment();
            messages.get(e.message().sender()).increment();
        } else if (event instanceof ChatEvent.MessagePosted e) {
            messages.get(e.message().sender()).increment();
        }
    }
}
