package dev.parley.chat.spring.sse;

import dev.parley.chat.spring.cluster.EventHistory;
import dev.parley.chat.spring.cluster.EventLogFeed;
import dev.parley.chat.spring.web.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the events of the log out to this node's open streams. The node's {@link EventLogFeed} hands it every event
 * of every node in log order; an event's SSE id is its log id, so a client reconnecting with {@code Last-Event-ID}
 * to any node receives exactly what it missed: from this node's replay buffer when that still holds it, else from
 * the log. A client whose id is older than the log's retention (or unknown) receives a {@code resync} event telling
 * it to reload through the REST endpoints.
 *
 * <p>The feed's thread only keeps the events (constant time, whatever the number of streams). One dispatcher thread
 * queues them for the streams that see them and sends the keep-alive comments; a pool of sender threads writes the
 * queues out ({@link SenderPool}: a client that stops reading is disconnected and cannot hold the others up). An
 * event's frame is encoded once, for all streams.
 */
public final class ChatStreamHub implements EventLogFeed.Subscriber, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatStreamHub.class);
    private static final byte[] KEEP_ALIVE = SseFrames.comment("keep-alive");

    private final ParleySseProperties properties;
    private final StreamEvents events;
    private final LogReplay logReplay;
    private final byte[] connected;
    private final Object lock = new Object();
    /** Guarded by lock. */
    private final ReplayBuffer replay;
    /** The newest event queued for the open streams; guarded by lock. */
    private long dispatched;
    private final StreamRegistry streams = new StreamRegistry();
    private volatile @Nullable SenderPool sender;
    private volatile @Nullable Thread dispatcher;

    /** Creates the hub over the store's event log; {@link #start()} starts its threads. */
    public ChatStreamHub(ParleySseProperties properties, StreamEvents events, EventHistory log) {
        this.properties = properties;
        this.events = events;
        this.logReplay = new LogReplay(log, events, properties.clientBufferSize());
        this.replay = new ReplayBuffer(properties.replayBufferSize());
        this.connected = SseFrames.retry(properties.reconnectDelay().toMillis(), "connected");
    }

    @Override
    public void started(long position) {
        synchronized (lock) {
            replay.startAt(position);
            dispatched = Math.max(dispatched, replay.last());
        }
    }

    @Override
    public void deliver(List<EventLogFeed.Entry> entries) {
        List<StreamEvent> mapped = new ArrayList<>(entries.size());
        for (EventLogFeed.Entry entry : entries) {
            StreamEvent e = events.map(entry.id(), entry.event());
            if (e != null) {
                mapped.add(e);
            }
        }
        if (mapped.isEmpty()) {
            return;
        }
        synchronized (lock) {
            for (StreamEvent e : mapped) {
                if (e.seq() > replay.last()) {
                    replay.append(e);
                }
            }
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
        SenderPool executor = sender;
        if (executor == null) {
            throw new RateLimitedException("the event streams are not running; try again shortly", 5);
        }
        if (streams.open() >= properties.maxClients()) {
            throw new RateLimitedException("too many live connections on this server; try again shortly", 5);
        }
        StreamClient client = new StreamClient(emitter, audience, properties.clientBufferSize(), executor,
                streams::remove);
        client.offer(connected);
        long lastId = lastEventId == null || lastEventId.isBlank() ? -1 : parse(lastEventId.strip());
        boolean resumes = lastEventId != null && !lastEventId.isBlank();
        Optional<LogReplay.Replayed> fromLog = Optional.empty();
        boolean resync = resumes && lastId < 0;
        if (resumes && !resync && !coveredHere(lastId)) {
            // older than this node's buffer, or ahead of this node (known to the log, or an unknown id)
            fromLog = logReplay.read(audience, lastId, this::covered);
            resync = fromLog.isEmpty();
        }
        synchronized (lock) {
            long had = replay.last();
            if (resync) {
                client.offer(resync());
            } else if (resumes) {
                had = Math.max(had, replayTo(client, lastId, fromLog.orElse(null)));
            }
            // the events up to here were replayed or came before it; the dispatcher brings it the next ones
            client.hadUpTo(had);
            if (!client.isClosed()) {
                streams.register(client);
            }
        }
        if (client.isClosed()) {
            streams.remove(client);
        }
        return emitter;
    }

    private boolean covered(long id) {
        synchronized (lock) {
            return replay.covers(id);
        }
    }

    private boolean coveredHere(long id) {
        synchronized (lock) {
            return replay.covers(id) && id <= replay.last();
        }
    }

    /** Guarded by lock: replays what the log gave and then the buffer; answers the id the client has up to. */
    private long replayTo(StreamClient client, long lastId, LogReplay.@Nullable Replayed fromLog) {
        List<StreamEvent> missed = new ArrayList<>();
        long upTo = lastId;
        if (fromLog != null) {
            missed.addAll(fromLog.events());
            upTo = Math.max(upTo, fromLog.upTo());
        }
        if (replay.started() && upTo < replay.last()) {
            Optional<List<StreamEvent>> buffered = replay.after(upTo);
            if (buffered.isEmpty()) {
                client.offer(resync());
                return replay.last();
            }
            buffered.get().stream().filter(e -> client.audience().frameOf(e) != null).forEach(missed::add);
        }
        if (missed.size() >= properties.clientBufferSize()) {
            client.offer(resync());
            return replay.last();
        }
        missed.forEach(client::offer);
        return upTo;
    }

    private static long parse(String lastEventId) {
        try {
            long id = Long.parseLong(lastEventId);
            return id < 0 ? -1 : id;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Guarded by lock (the id is the newest event's, so that a reconnection resumes after it). */
    private byte[] resync() {
        return SseFrames.json(Long.toString(replay.last()), "resync",
                new StreamEvents.Resync("events were missed; reload the chat"));
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
                    streams.forEach(c -> c.offer(KEEP_ALIVE));
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
        List<StreamEvent> pending;
        synchronized (lock) {
            if (!replay.started() || dispatched == replay.last()) {
                return;
            }
            Optional<List<StreamEvent>> after = replay.after(dispatched);
            if (after.isEmpty()) {
                log.warn("The event streams fell behind by more than the replay buffer; every stream resyncs");
                byte[] resync = resync();
                streams.forEach(c -> c.offer(resync));
            }
            dispatched = replay.last();
            pending = after.orElse(List.of());
        }
        for (StreamEvent e : pending) {
            streams.fanOut(e);
        }
    }

    /** Open streams: admin streams when {@code admin}, visitor streams otherwise. */
    public int clientCount(boolean admin) {
        return streams.count(admin);
    }

    @Override
    public void start() {
        start(true);
    }

    /** Starts the senders and, unless tests call {@link #dispatchPending()} themselves, the dispatcher. */
    void start(boolean withDispatcher) {
        sender = new SenderPool(properties.senderThreads(), properties.maxClients(), properties.writeTimeout());
        synchronized (lock) {
            dispatched = replay.last();
        }
        if (withDispatcher) {
            Thread t = DaemonThreads.named("parley-sse-dispatch-").newThread(this::dispatch);
            dispatcher = t;
            t.start();
        }
    }

    /** Ends every stream before the web server shuts down, so graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        Thread d = dispatcher;
        SenderPool s = sender;
        dispatcher = null;
        sender = null;
        if (d != null) {
            d.interrupt();
        }
        List<StreamClient> all = new ArrayList<>();
        streams.forEach(all::add);
        all.forEach(StreamClient::close);
        if (s != null) {
            s.shutdown(Duration.ofSeconds(5));
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
}
