package dev.parley.chat.spring.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Visitors posting through the nodes until stopped, each request to the next node in turn (as a load balancer
 * would): every thread starts a chat, posts a few messages in it, starts the next. It remembers every message that was
 * acknowledged (2xx) and every answer that was not, with how long it took.
 */
final class VisitorTraffic implements AutoCloseable {

    private static final int MESSAGES_PER_CHAT = 4;

    /** An answer that was not 2xx: the HTTP status (0 when the connection failed), its error code and duration. */
    record Refusal(int status, String code, long millis, String detail) {}

    private final String prefix;
    private final Supplier<List<Api>> nodes;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger addresses = new AtomicInteger(1);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger startsInFlight = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean starting = true;

    /**
     * @param prefix  the start of every visitor name (and of every message text)
     * @param nodes   the nodes to send to now (read before every request)
     * @param threads how many visitors post at once
     */
    VisitorTraffic(String prefix, Supplier<List<Api>> nodes, int threads) {
        this.prefix = prefix;
        this.nodes = nodes;
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> run(id), "test-visitor-" + t);
            thread.setDaemon(true);
            this.threads.add(thread);
        }
        this.threads.forEach(Thread::start);
    }

    /** Whether visitors start new chats (else they only post in the chats they have). */
    void startChats(boolean on) {
        starting = on;
    }

    /** How many chat starts are under way; once zero after {@code startChats(false)}, none begins until resumed. */
    int startsInFlight() {
        return startsInFlight.get();
    }

    private void run(int thread) {
        String session = null;
        int chat = 0;
        int posted = 0;
        int seq = 0;
        String label = null;
        while (running) {
            if (session == null || posted >= MESSAGES_PER_CHAT) {
                if (!starting && session != null) {
                    posted = 0; // keep posting in the chat we have
                    continue;
                }
                if (!starting) {
                    pause();
                    continue;
                }
                String name = prefix + " t" + thread + "c" + chat++;
                String text = name + " m0";
                int n = addresses.getAndIncrement();
                startsInFlight.incrementAndGet();
                if (!starting) { // stopped since we looked: the caller may be counting on no start from now on
                    startsInFlight.decrementAndGet();
                    continue;
                }
                Api.Response r;
                try {
                    r = send(() -> next().post("/api/v1/chat", Map.of("visitorName", name, "message", text),
                            "X-Forwarded-For", "10.7." + (n >> 8 & 255) + "." + (n & 255)));
                } finally {
                    startsInFlight.decrementAndGet();
                }
                if (r != null) {
                    session = r.data().get("sessionId").asString();
                    sessions.put(name, session);
                    acked.add(text);
                    posted = 0;
                    seq = 0;
                    label = name;
                }
            } else {
                String text = label + " m" + (++seq);
                posted++;
                String s = session;
                if (send(() -> next().post("/api/v1/chat", Map.of("sessionId", s, "message", text))) != null) {
                    acked.add(text);
                }
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Api next() {
        List<Api> now = nodes.get();
        return now.get(Math.floorMod(turn.getAndIncrement(), now.size()));
    }

    /** Sends; answers the response when 2xx, else records the refusal and answers null. */
    private Api.Response send(Supplier<Api.Response> request) {
        requests.incrementAndGet();
        long t0 = System.nanoTime();
        try {
            Api.Response r = request.get();
            if (r.status() / 100 == 2) {
                return r;
            }
            refusals.add(new Refusal(r.status(), r.errorCode(), elapsed(t0), r.text()));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            refusals.add(new Refusal(0, cause.getClass().getSimpleName(), elapsed(t0), String.valueOf(
                    cause.getMessage())));
            pause(); // a node that is down refuses at once; do not spin
        }
        return null;
    }

    private static long elapsed(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** The texts of every message acknowledged so far (first messages of chats included). */
    Set<String> acked() {
        return Set.copyOf(acked);
    }

    /** How many messages were acknowledged so far. */
    int ackedCount() {
        return acked.size();
    }

    /** The sessions of the chats started, by visitor name. */
    Map<String, String> sessions() {
        return Map.copyOf(sessions);
    }

    /** The answers that were not 2xx. */
    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** How many requests were sent. */
    long requests() {
        return requests.get();
    }

    /** Stops the visitors and waits for their last requests. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
