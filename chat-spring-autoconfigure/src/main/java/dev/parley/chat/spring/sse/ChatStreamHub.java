package dev.parley.chat.spring.sse;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.spring.web.RateLimitedException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * Fans the core's change events out to open streams. Every event gets the next id ({@code <epoch>-<seq>}, the epoch
 * a random name of this hub's lifetime) and goes into a bounded replay buffer, so a client reconnecting with
 * {@code Last-Event-ID} receives exactly what it missed; when that is no longer in the buffer (or the server
 * restarted), it receives a {@code resync} event telling it to reload through the REST endpoints.
 *
 * <p>Events arrive on the thread that made the change and are only queued here; sender threads write them out.
 */
public final class ChatStreamHub implements ChatEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatStreamHub.class);

    private final ParleySseProperties properties;
    private final StreamEvents events;
    private final String epoch = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final ReplayBuffer replay;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private volatile @Nullable ExecutorService sender;
    private volatile @Nullable ScheduledExecutorService keepAlive;

    /** Creates the hub; {@link #start()} starts its sender threads. */
    public ChatStreamHub(ParleySseProperties properties, StreamEvents events) {
        this.properties = properties;
        this.events = events;
        this.replay = new ReplayBuffer(properties.replayBufferSize());
    }

    @Override
    public void onEvent(ChatEvent event) {
        StreamEvent mapped = events.map(event);
        if (mapped == null) {
            return;
        }
        synchronized (lock) {
            StreamEvent e = replay.append(mapped);
            for (StreamClient client : clients) {
                StreamEvent.Frame frame = client.audience().frameOf(e);
                if (frame != null) {
                    client.offer(toSse(e.seq(), frame));
                }
            }
        }
    }

    /**
     * Opens a stream for the audience, first replaying what followed {@code lastEventId} (when given).
     *
     * @throws RateLimitedException when too many streams are open
     */
    SseEmitter open(Audience audience, @Nullable String lastEventId) {
        ExecutorService executor = sender;
        if (executor == null) {
            throw new RateLimitedException("the event streams are not running; try again shortly", 5);
        }
        if (clients.size() >= properties.maxClients()) {
            throw new RateLimitedException("too many live connections on this server; try again shortly", 5);
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        StreamClient client = new StreamClient(emitter, audience, properties.clientBufferSize(), executor,
                clients::remove);
        synchronized (lock) {
            client.offer(SseEmitter.event().reconnectTime(properties.reconnectDelay().toMillis())
                    .comment("connected"));
            if (lastEventId != null && !lastEventId.isBlank()) {
                replayTo(client, lastEventId.strip());
            }
            if (!client.isClosed()) {
                clients.add(client);
            }
        }
        return emitter;
    }

    private void replayTo(StreamClient client, String lastEventId) {
        List<StreamEvent> after = replay.after(parse(lastEventId)).orElse(null);
        if (after == null) {
            client.offer(resync());
            return;
        }
        List<SseEventBuilder> missed = new ArrayList<>();
        for (StreamEvent e : after) {
            StreamEvent.Frame frame = client.audience().frameOf(e);
            if (frame != null) {
                missed.add(toSse(e.seq(), frame));
            }
        }
        if (missed.size() >= properties.clientBufferSize()) {
            client.offer(resync());
            return;
        }
        missed.forEach(client::offer);
    }

    private long parse(String lastEventId) {
        int dash = lastEventId.indexOf('-');
        if (dash < 0 || !lastEventId.substring(0, dash).equals(epoch)) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private SseEventBuilder toSse(long eventSeq, StreamEvent.Frame frame) {
        return SseEmitter.event().id(epoch + "-" + eventSeq).name(frame.name())
                .data(frame.data(), MediaType.APPLICATION_JSON);
    }

    private SseEventBuilder resync() {
        return SseEmitter.event().id(epoch + "-" + replay.last()).name("resync")
                .data(new StreamEvents.Resync("events were missed; reload the chat"), MediaType.APPLICATION_JSON);
    }

    /** Open streams: admin streams when {@code admin}, visitor streams otherwise. */
    public int clientCount(boolean admin) {
        return (int) clients.stream().filter(c -> c.audience().admin() == admin).count();
    }

    @Override
    public void start() {
        sender = Executors.newFixedThreadPool(Math.max(1, properties.senderThreads()), threads("parley-sse-"));
        ScheduledExecutorService ka = Executors.newSingleThreadScheduledExecutor(threads("parley-sse-keepalive-"));
        long every = properties.keepAlive().toMillis();
        ka.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        keepAlive = ka;
    }

    private void keepAlive() {
        for (StreamClient client : clients) {
            client.offer(SseEmitter.event().comment("keep-alive"));
        }
    }

    /** Ends every stream before the web server shuts down, so graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        ScheduledExecutorService ka = keepAlive;
        ExecutorService s = sender;
        keepAlive = null;
        sender = null;
        if (ka != null) {
            ka.shutdownNow();
        }
        List.copyOf(clients).forEach(StreamClient::close);
        if (s != null) {
            s.shutdown();
            try {
                if (!s.awaitTermination(5, TimeUnit.SECONDS)) {
                    s.shutdownNow();
                }
            } catch (InterruptedException e) {
                s.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        log.debug("Event streams stopped");
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
