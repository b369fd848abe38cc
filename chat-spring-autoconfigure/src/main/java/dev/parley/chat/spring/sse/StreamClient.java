package dev.parley.chat.spring.sse;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One open stream: a bounded queue of events written to the client by the sender threads, one write at a time. A
 * client whose queue overflows is too slow and is disconnected (it resumes from its Last-Event-ID on reconnection).
 */
final class StreamClient {

    private static final Logger log = LoggerFactory.getLogger(StreamClient.class);

    private final SseEmitter emitter;
    private final Audience audience;
    private final BlockingQueue<SseEventBuilder> queue;
    private final Executor sender;
    private final Consumer<StreamClient> onClose;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    StreamClient(SseEmitter emitter, Audience audience, int bufferSize, Executor sender,
            Consumer<StreamClient> onClose) {
        this.emitter = emitter;
        this.audience = audience;
        this.queue = new ArrayBlockingQueue<>(bufferSize);
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

    /** Queues an event; a full queue disconnects the client. */
    void offer(SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        if (!queue.offer(event)) {
            log.debug("Disconnecting a slow {} stream: {} events queued", audience.admin() ? "admin" : "visitor",
                    queue.size());
            close();
            return;
        }
        signal();
    }

    private void signal() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                close();
            }
        }
    }

    private void drain() {
        try {
            SseEventBuilder event;
            while (!closed.get() && (event = queue.poll()) != null) {
                emitter.send(event);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Stream write failed; closing it", e);
            close();
        } finally {
            scheduled.set(false);
        }
        if (!closed.get() && !queue.isEmpty()) {
            signal();
        }
    }

    /** Ends the stream (idempotent). */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        onClose.accept(this);
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            log.trace("Completing a closed stream failed", e);
        }
    }
}
