package dev.parley.benchmarks;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mixed load on two nodes for a while, with two admin streams per node recording every event: afterwards each
 * stream must hold every acknowledged message exactly once, its ids strictly increasing, and all streams the same
 * sequence of ids.
 */
final class ClusterSoak {

    private static final int WORKERS = 4;
    private static final String MARK = "soak-";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClusterSoak() {}

    static void run(Duration length, List<ConfigurableApplicationContext> nodes, int[] ports, String token,
            Section section) throws Exception {
        List<Parley> parleys = nodes.stream().map(n -> n.getBean(Parley.class)).toList();
        List<SseRecorder> streams = new ArrayList<>();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicReference<String> failure = new AtomicReference<>();
        ExecutorService workers = Harness.threads(WORKERS, "bench-soak");
        long started = System.nanoTime();
        try {
            for (int port : ports) {
                streams.add(SseRecorder.admin(port, token));
                streams.add(SseRecorder.admin(port, token));
            }
            long deadline = started + length.toNanos();
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                work.add(workers.submit(() -> {
                    Http1[] http = {new Http1(ports[0]), new Http1(ports[1])};
                    try {
                        for (int chat = 0; System.nanoTime() < deadline; chat++) {
                            int home = (worker + chat) % 2;
                            String prefix = MARK + worker + "-" + chat + "-";
                            PostedMessage first = parleys.get(home).chats().startChat(new StartChat(
                                    "Soak visitor " + worker + "-" + chat, null, null, null, prefix + "0"));
                            acked.add(prefix + "0");
                            for (int i = 1; i <= 6; i++) {
                                http[i % 2].postMessage(first.sessionId(), prefix + i);
                                acked.add(prefix + i);
                                if (i % 3 == 0) {
                                    parleys.get(1 - home).chats().postAdminMessage(AdminMessage.text(
                                            first.chat().id(), "admin-0", prefix + "a" + i));
                                    acked.add(prefix + "a" + i);
                                }
                                Thread.sleep(10);
                            }
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e.toString());
                    } finally {
                        http[0].close();
                        http[1].close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(length.toSeconds() + 120, TimeUnit.SECONDS);
            }
            String end = MARK + "end";
            parleys.get(0).chats().startChat(new StartChat("Soak end", null, null, null, end));
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (SseRecorder s : streams) {
                while (texts(s).stream().noneMatch(end::equals) && !s.ended() && System.nanoTime() < waitUntil) {
                    Thread.sleep(50);
                }
            }
            check(streams, acked, end, (System.nanoTime() - started) / 1e9, failure.get(), length, section);
        } finally {
            workers.shutdownNow();
            streams.forEach(SseRecorder::close);
        }
    }

    private static void check(List<SseRecorder> streams, Set<String> acked, String end, double seconds,
            String failure, Duration length, Section section) {
        int missing = 0;
        int duplicates = 0;
        int disordered = 0;
        int divergent = 0;
        int least = Integer.MAX_VALUE;
        List<Long> reference = null;
        for (SseRecorder s : streams) {
            List<SseRecorder.Event> events = s.events();
            List<Long> ids = events.stream().map(SseRecorder.Event::id).toList();
            for (int i = 1; i < ids.size(); i++) {
                if (ids.get(i) <= ids.get(i - 1)) {
                    disordered++;
                }
            }
            if (reference == null) {
                reference = ids;
            } else if (!reference.equals(ids)) {
                divergent++;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (String t : texts(s)) {
                seen.merge(t, 1, Integer::sum);
            }
            for (String t : acked) {
                int c = seen.getOrDefault(t, 0);
                missing += c == 0 ? 1 : 0;
                duplicates += Math.max(0, c - 1);
            }
            least = Math.min(least, (int) seen.keySet().stream().filter(t -> !t.equals(end)).count());
        }
        boolean exact = missing == 0 && duplicates == 0 && disordered == 0 && divergent == 0 && failure == null;
        section.add(Row.of(ClusterBenchmark.TITLE, "PostgreSQL", "soak " + length.toSeconds() + " s: messages on "
                + "each admin stream", "msgs", least, acked.size(), least / (double) Math.max(1, acked.size()))
                .withTarget("no duplicate and no missing event on any stream", exact)
                .withNote("(baseline: messages acknowledged)"));
        section.finding(String.format(Locale.ROOT, "Soak: %.0f s, %d messages acknowledged (%.0f msg/s) through "
                + "both nodes, %d admin streams: %d missing, %d duplicated, %d out of order, %d streams whose "
                + "sequence of ids differs from the first's%s.", seconds, acked.size(), acked.size() / seconds,
                streams.size(), missing, duplicates, disordered, divergent,
                failure == null ? "" : "; the load stopped early: " + failure));
    }

    /** The texts of the benchmark's messages on a stream (first messages ride on chat.started). */
    private static List<String> texts(SseRecorder stream) {
        List<String> out = new ArrayList<>();
        for (SseRecorder.Event e : stream.events()) {
            if (e.name().equals("message") || e.name().equals("chat.started")) {
                JsonNode text = JSON.readTree(e.data()).at("/message/message");
                if (text.isString() && text.asString().startsWith(MARK)) {
                    out.add(text.asString());
                }
            }
        }
        return out;
    }
}
