package dev.parley.chat.spring.sse;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: a bounded queue of frames written to the client by the sender threads, one write at a time. The
 * queue holds the shared events themselves (each encoded once for all streams) and grows only as needed. A client
 * whose queue overflows is too slow and is disconnected (it resumes from its Last-Event-ID on reconnection).
 * Whatever is queued when a sender gets to the client is written and flushed at once.
 */
final class StreamClient {

    private static final Logger log = LoggerFactory.getLogger(StreamClient.class);

    /** The most frames written with one flush. */
    private static final int MAX_BATCH = 64;

    private final SseEmitter emitter;
    private final Audience audience;
    private final int capacity;
    private final Executor sender;
    private final Consumer<StreamClient> onClose;
    /** Encoded frames ({@code byte[]}) and events ({@link StreamEvent}), oldest first; guarded by this. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** The newest event queued (or replayed): events up to it are not queued again; guarded by this. */
    private long lastSeq;
    /** Whether a sender has been asked to drain the queue; guarded by this. */
    private boolean scheduled;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    /** When the current write began (System.nanoTime()), for {@link SenderPool}'s watch. */
    private volatile long writeStarted;
    /** 0 no write, 1 writing, 2 writing and counted as stalled by the watch. */
    private final AtomicInteger writeState = new AtomicInteger();

    /**
     * @param capacity the most frames queued before the client counts as too slow
     */
    StreamClient(SseEmitter emitter, Audience audience, int capacity, Executor sender,
            Consumer<StreamClient> onClose) {
        this.emitter = emitter;
        this.audience = audience;
        this.capacity = Math.max(1, capacity);
        this.sender = sender;
        this.onClose = onClose;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
    }

    SseEmitter emitter() {
        return emitter;
    }

    Audience audience() {
        return audience;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Queues an encoded frame (a comment, a resync). */
    void offer(byte[] frame) {
        enqueue(frame);
    }

    /** Queues an event this client sees and has not had yet (events arrive in order of their log ids). */
    void offer(StreamEvent event) {
        synchronized (this) {
            if (event.seq() <= lastSeq) {
                return;
            }
            lastSeq = event.seq();
        }
        if (audience.frameOf(event) != null) {
            enqueue(event);
        }
    }

    /** Marks every event up to {@code seq} as had: it started after them, or they were replayed. */
    synchronized void hadUpTo(long seq) {
        lastSeq = Math.max(lastSeq, seq);
    }

    /** Queues an item; a full queue disconnects the client. */
    private void enqueue(Object item) {
        boolean overflow = false;
        boolean signal = false;
        synchronized (this) {
            if (closed.get()) {
                return;
            }
            if (queue.size() >= capacity) {
                overflow = true;
            } else {
                queue.addLast(item);
                signal = !scheduled;
                scheduled = true;
            }
        }
        if (overflow) {
            log.debug("Disconnecting a slow {} stream: {} frames queued", audience.admin() ? "admin" : "visitor",
                    capacity);
            close();
        } else if (signal) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) {
                close();
            }
        }
    }

    private void drain() {
        try {
            Object[] batch;
            while (!closed.get() && (batch = take()) != null) {
                write(encode(batch));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Stream write failed; closing it", e);
            close();
        }
    }

    private void write(byte[] bytes) throws IOException {
        SenderPool watch = sender instanceof SenderPool pool ? pool : null;
        if (watch != null) {
            watch.writing(this);
        } else {
            writeStarted(System.nanoTime());
        }
        try {
            emitter.send(Set.of(new DataWithMediaType(bytes, MediaType.TEXT_EVENT_STREAM)));
        } finally {
            if (watch != null) {
                watch.written(this);
            } else {
                writeState.set(0);
            }
            if (closed.get()) {
                complete(); // closed while this write ran: completing had to wait for it
            }
        }
    }

    /** A write begins at {@code nanoTime} (also marks the write for {@link #close()}). */
    void writeStarted(long nanoTime) {
        writeStarted = nanoTime;
        writeState.set(1);
    }

    /** Marks the running write stalled when it began before {@code limit}; true the first time only. */
    boolean stallIfWritingSince(long limit) {
        return writeStarted - limit < 0 && writeState.compareAndSet(1, 2);
    }

    /** The write returned; true when it had been marked stalled. */
    boolean writeEnded() {
        return writeState.getAndSet(0) == 2;
    }

    /** The next frames to write, or null (and no sender scheduled) when none are queued. */
    private synchronized Object @Nullable [] take() {
        int n = Math.min(queue.size(), MAX_BATCH);
        if (n == 0 || closed.get()) {
            scheduled = false;
            return null;
        }
        Object[] batch = new Object[n];
        for (int i = 0; i < n; i++) {
            batch[i] = queue.pollFirst();
        }
        return batch;
    }

    private byte[] encode(Object[] batch) {
        if (batch.length == 1) {
            return bytesOf(batch[0]);
        }
        byte[][] parts = new byte[batch.length][];
        int length = 0;
        for (int i = 0; i < batch.length; i++) {
            parts[i] = bytesOf(batch[i]);
            length += parts[i].length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private byte[] bytesOf(Object item) {
        if (item instanceof byte[] frame) {
            return frame;
        }
        StreamEvent event = (StreamEvent) item;
        StreamEvent.Frame frame = audience.frameOf(event);
        if (frame == null) {
            throw new IllegalStateException("queued an event this stream does not see");
        }
        return frame.encoded(Long.toString(event.seq()));
    }

    /**
     * Ends the stream (idempotent). While a write to it runs (perhaps blocked by a client that stopped reading), the
     * emitter cannot be completed without waiting for that write, so the writer completes it when its write returns:
     * closing never blocks the caller (the dispatcher or the stall watch).
     */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            queue.clear();
        }
        onClose.accept(this);
        if (writeState.get() == 0) {
            complete();
        }
    }

    private void complete() {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            log.trace("Completing a closed stream failed", e);
        }
    }
}
