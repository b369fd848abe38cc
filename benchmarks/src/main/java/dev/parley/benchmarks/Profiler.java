package dev.parley.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A quick sampling profile with JDK Flight Recorder: {@code jdk.ExecutionSample} (threads running Java code) and
 * {@code jdk.NativeMethodSample} (threads in native code, here mostly waiting on the database socket). Each sample
 * of the measured threads is put in one layer by the innermost frame that belongs to a known layer.
 */
final class Profiler {

    /** Package prefixes and their layer; the innermost frame with a known prefix decides the sample's layer. */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry("sun.nio.ch.", "socket I/O (waiting on the database)"),
            Map.entry("java.net.", "socket I/O (waiting on the database)"),
            Map.entry("org.postgresql.", "JDBC driver"),
            Map.entry("org.h2.", "H2 engine (in process)"),
            Map.entry("com.zaxxer.hikari.", "connection pool"),
            Map.entry("org.hibernate.", "Hibernate"),
            Map.entry("jakarta.persistence.", "Hibernate"),
            Map.entry("dev.parley.chat.jpa.", "Parley JPA store"),
            Map.entry("tools.jackson.", "JSON (Jackson)"),
            Map.entry("dev.parley.chat.", "Parley core"),
            Map.entry("dev.parley.benchmarks.", "benchmark harness"));

    private Profiler() {}

    /** Runs the work under a recording and answers the share of samples per layer, largest first. */
    static Profile profile(String threadPrefix, ThrowingRunnable work) throws Exception {
        Path file = Files.createTempFile("parley-bench", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            r.start();
            work.run();
            r.stop();
            r.dump(file);
            return summarize(file, threadPrefix);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Profile summarize(Path file, String threadPrefix) {
        Map<String, Integer> byLayer = new HashMap<>();
        Map<String, Integer> topMethods = new HashMap<>();
        int total = 0;
        try (RecordingFile f = new RecordingFile(file)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String type = e.getEventType().getName();
                if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                    continue;
                }
                var thread = e.getThread("sampledThread");
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(threadPrefix)) {
                    continue;
                }
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                byLayer.merge(layerOf(stack.getFrames()), 1, Integer::sum);
                RecordedFrame top = stack.getFrames().get(0);
                topMethods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1,
                        Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Profile(total, sorted(byLayer), sorted(topMethods));
    }

    private static String layerOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String cls = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> layer : LAYERS) {
                if (cls.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
        }
        return "other (JDK, GC safepoints, …)";
    }

    private static Map<String, Integer> sorted(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Work that may throw. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Samples per layer and per innermost method.
     *
     * @param samples    samples of the measured threads
     * @param layers     samples per layer, largest first
     * @param topMethods samples per innermost method, largest first
     */
    record Profile(int samples, Map<String, Integer> layers, Map<String, Integer> topMethods) {

        /** "42% socket I/O, 30% Hibernate, …" (layers of at least 3%). */
        String layersLine() {
            if (samples == 0) {
                return "no samples";
            }
            return layers.entrySet().stream().filter(e -> e.getValue() * 100.0 / samples >= 3)
                    .map(e -> String.format(Locale.ROOT, "%.0f%% %s", e.getValue() * 100.0 / samples, e.getKey()))
                    .collect(Collectors.joining(", ")) + " (" + samples + " samples)";
        }

        /** The {@code n} innermost methods seen most often. */
        String topMethodsLine(int n) {
            return topMethods.entrySet().stream().limit(n)
                    .map(e -> String.format(Locale.ROOT, "`%s` %.0f%%", shortName(e.getKey()),
                            e.getValue() * 100.0 / Math.max(1, samples)))
                    .collect(Collectors.joining(", "));
        }

        private static String shortName(String fqMethod) {
            String[] parts = fqMethod.split("\\.");
            return parts.length < 2 ? fqMethod : parts[parts.length - 2] + "." + parts[parts.length - 1];
        }
    }
}
