package dev.parley.chat.spring.sse;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.spring.web.RateLimitedException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the core's change events out to open streams. Every event gets the next id ({@code <epoch>-<seq>}, the epoch
 * a random name of this hub's lifetime) and goes into a bounded replay buffer, so a client reconnecting with
 * {@code Last-Event-ID} receives exactly what it missed; when that is no longer in the buffer (or the server
 * restarted), it receives a {@code resync} event telling it to reload through the REST endpoints.
 *
 * <p>The thread that made the change only numbers the event and keeps it (constant time, whatever the number of
 * streams). One dispatcher thread queues it for the streams that see it and sends the keep-alive comments; a fixed
 * pool of sender threads writes the queues out. An event's frame is encoded once, for all streams.
 */
public final class ChatStreamHub implements ChatEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatStreamHub.class);
    private static final byte[] KEEP_ALIVE = SseFrames.comment("keep-alive");

    private final ParleySseProperties properties;
    private final StreamEvents events;
    private final String epoch = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final byte[] connected;
    private final Object lock = new Object();
    /** Guarded by lock. */
    private final ReplayBuffer replay;
    /** The newest event queued for the open streams; guarded by lock. */
    private long dispatched;
    private final Set<StreamClient> admins = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<StreamClient>> visitors = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile @Nullable ExecutorService sender;
    private volatile @Nullable Thread dispatcher;

    /** Creates the hub; {@link #start()} starts its threads. */
    public ChatStreamHub(ParleySseProperties properties, StreamEvents events) {
        this.properties = properties;
        this.events = events;
        this.replay = new ReplayBuffer(properties.replayBufferSize());
        this.connected = SseFrames.retry(properties.reconnectDelay().toMillis(), "connected");
    }

    @Override
    public void onEvent(ChatEvent event) {
        StreamEvent mapped = events.map(event);
        if (mapped == null) {
            return;
        }
        synchronized (lock) {
            replay.append(mapped);
            lock.notifyAll();
        }
    }

    /**
     * Opens a stream for the audience, first replaying what followed {@code lastEventId} (when given).
     *
     * @throws RateLimitedException when too many streams are open
     */
    SseEmitter open(Audience audience, @Nullable String lastEventId) {
        return open(audience, lastEventId, new SseEmitter(properties.timeout().toMillis()));
    }

    /** Opens a stream written to the given emitter. */
    SseEmitter open(Audience audience, @Nullable String lastEventId, SseEmitter emitter) {
        ExecutorService executor = sender;
        if (executor == null) {
            throw new RateLimitedException("the event streams are not running; try again shortly", 5);
        }
        if (open.get() >= properties.maxClients()) {
            throw new RateLimitedException("too many live connections on this server; try again shortly", 5);
        }
        StreamClient client = new StreamClient(emitter, audience, properties.clientBufferSize(), epoch, executor,
                this::remove);
        client.offer(connected);
        synchronized (lock) {
            if (lastEventId != null && !lastEventId.isBlank()) {
                replayTo(client, lastEventId.strip());
            }
            // the events numbered so far were replayed or came before it; the dispatcher brings it the next ones
            client.hadUpTo(replay.last());
            if (!client.isClosed()) {
                register(client);
            }
        }
        if (client.isClosed()) {
            remove(client);
        }
        return emitter;
    }

    private void replayTo(StreamClient client, String lastEventId) {
        List<StreamEvent> after = replay.after(parse(lastEventId)).orElse(null);
        if (after == null) {
            client.offer(resync());
            return;
        }
        List<StreamEvent> missed = after.stream().filter(e -> client.audience().frameOf(e) != null).toList();
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

    /** Guarded by lock (the id is the newest event's, so that a reconnection resumes after it). */
    private byte[] resync() {
        return SseFrames.json(epoch + "-" + replay.last(), "resync",
                new StreamEvents.Resync("events were missed; reload the chat"));
    }

    private void register(StreamClient client) {
        Audience audience = client.audience();
        if (audience.admin()) {
            admins.add(client);
        } else {
            visitors.compute(audience.chatId(), (id, streams) -> {
                Set<StreamClient> s = streams == null ? ConcurrentHashMap.newKeySet() : streams;
                s.add(client);
                return s;
            });
        }
        open.incrementAndGet();
    }

    private void remove(StreamClient client) {
        Audience audience = client.audience();
        boolean[] removed = {false};
        if (audience.admin()) {
            removed[0] = admins.remove(client);
        } else {
            visitors.computeIfPresent(audience.chatId(), (id, streams) -> {
                removed[0] = streams.remove(client);
                return streams.isEmpty() ? null : streams;
            });
        }
        if (removed[0]) {
            open.decrementAndGet();
        }
    }

    /** The dispatcher's loop: queues new events for the streams that see them, and keep-alive comments. */
    private void dispatch() {
        long every = Math.max(1, properties.keepAlive().toNanos());
        long nextKeepAlive = System.nanoTime() + every;
        try {
            while (dispatcher == Thread.currentThread()) {
                synchronized (lock) {
                    long wait = nextKeepAlive - System.nanoTime();
                    while (dispatched == replay.last() && wait > 0 && dispatcher == Thread.currentThread()) {
                        TimeUnit.NANOSECONDS.timedWait(lock, wait);
                        wait = nextKeepAlive - System.nanoTime();
                    }
                }
                dispatchPending();
                if (System.nanoTime() - nextKeepAlive >= 0) {
                    forEachClient(c -> c.offer(KEEP_ALIVE));
                    nextKeepAlive = System.nanoTime() + every;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The event stream dispatcher failed; streams receive no more events", e);
        }
    }

    /** Queues the events not yet dispatched for the open streams that see them: the dispatcher's work. */
    void dispatchPending() {
        List<StreamEvent> events;
        synchronized (lock) {
            Optional<List<StreamEvent>> after = replay.after(dispatched);
            if (after.isEmpty()) {
                log.warn("The event streams fell behind by more than the replay buffer; every stream resyncs");
                byte[] resync = resync();
                forEachClient(c -> c.offer(resync));
            }
            dispatched = replay.last();
            events = after.orElse(List.of());
        }
        for (StreamEvent e : events) {
            fanOut(e);
        }
    }

    private void fanOut(StreamEvent e) {
        if (e.admin() != null) {
            for (StreamClient client : admins) {
                client.offer(e);
            }
        }
        if (e.visitor() != null) {
            Set<StreamClient> streams = visitors.get(e.chatId());
            if (streams != null) {
                for (StreamClient client : streams) {
                    client.offer(e);
                }
            }
        }
    }

    private void forEachClient(Consumer<StreamClient> action) {
        admins.forEach(action);
        visitors.values().forEach(streams -> streams.forEach(action));
    }

    /** Open streams: admin streams when {@code admin}, visitor streams otherwise. */
    public int clientCount(boolean admin) {
        return admin ? admins.size() : visitors.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        start(true);
    }

    /** Starts the senders and, unless tests call {@link #dispatchPending()} themselves, the dispatcher. */
    void start(boolean withDispatcher) {
        sender = Executors.newFixedThreadPool(Math.max(1, properties.senderThreads()), threads("parley-sse-"));
        synchronized (lock) {
            dispatched = replay.last();
        }
        if (withDispatcher) {
            Thread t = threads("parley-sse-dispatch-").newThread(this::dispatch);
            dispatcher = t;
            t.start();
        }
    }

    /** Ends every stream before the web server shuts down, so graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        Thread d = dispatcher;
        ExecutorService s = sender;
        dispatcher = null;
        sender = null;
        if (d != null) {
            d.interrupt();
        }
        List<StreamClient> all = new ArrayList<>();
        forEachClient(all::add);
        all.forEach(StreamClient::close);
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
