package dev.parley.chat.spring.sse;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender threads that write the streams' queues out, and a watch over their writes. A write to a client blocks
 * once the client stops reading and its TCP window and the server's socket buffer are full; the thread then stays in
 * the write until the servlet container's own write timeout. So a write still running after {@code writeTimeout}
 * marks its client stalled: the client is disconnected (it resumes from its Last-Event-ID if it comes back) and the
 * pool gets one more thread for as long as that write blocks, so the clients that read are never left without a
 * sender, however many stall.
 */
final class SenderPool implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SenderPool.class);

    private final int base;
    private final int maxExtra;
    private final long timeoutNanos;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watch;
    private final Set<StreamClient> writing = ConcurrentHashMap.newKeySet();
    private int extra; // threads standing in for blocked writes; guarded by this

    /**
     * @param threads      the sender threads while no write blocks
     * @param maxExtra     the most threads added for blocked writes (one per stalled stream at most)
     * @param writeTimeout how long a write may run before its client counts as stalled
     */
    SenderPool(int threads, int maxExtra, Duration writeTimeout) {
        this.base = Math.max(1, threads);
        this.maxExtra = Math.max(0, maxExtra);
        this.timeoutNanos = Math.max(1, writeTimeout.toNanos());
        this.pool = new ThreadPoolExecutor(base, base, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("parley-sse-"));
        this.watch = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parley-sse-watch-"));
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(50), timeoutNanos / 4);
        watch.scheduleWithFixedDelay(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** The client's sender is about to write to it. */
    void writing(StreamClient client) {
        client.writeStarted(System.nanoTime());
        writing.add(client);
    }

    /** The client's write returned (written or failed). */
    void written(StreamClient client) {
        writing.remove(client);
        if (client.writeEnded()) {
            resize(-1);
        }
    }

    /** Marks writes running longer than the timeout: their clients are disconnected and replaced by a thread. */
    void check() {
        long now = System.nanoTime();
        for (StreamClient client : writing) {
            if (client.stallIfWritingSince(now - timeoutNanos)) {
                log.debug("Disconnecting a stalled {} stream: a write has blocked for {} ms",
                        client.audience().admin() ? "admin" : "visitor", TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                resize(+1);
                client.close();
            }
        }
    }

    /** Threads standing in for blocked writes now. */
    synchronized int extraThreads() {
        return extra;
    }

    private synchronized void resize(int delta) {
        extra = Math.max(0, extra + delta);
        int size = base + Math.min(extra, maxExtra);
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

    /** Stops the watch and the senders, waiting up to {@code wait} for the senders to finish. */
    void shutdown(Duration wait) {
        watch.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
