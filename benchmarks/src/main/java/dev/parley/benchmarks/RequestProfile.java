package dev.parley.benchmarks;

import dev.parley.Parley;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** JFR execution samples of the servlet container's threads, put in the phase of the request they were in. */
final class RequestProfile {

    /** Frame name parts and their phase; the first that any frame of a sample matches decides. */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("dev.parley.chat.spring.sse.", "the SSE hub"),
            Map.entry("dev.parley.chat.spring.web.VisitorChatController.post",
                    "Parley's controller (core, store, Hibernate, JDBC)"),
            Map.entry("readWithMessageConverters", "reading the JSON body"),
            Map.entry("writeWithMessageConverters", "writing the JSON answer"),
            Map.entry("org.springframework.web.servlet.", "the rest of Spring MVC (mapping, arguments, interceptors)"),
            Map.entry("org.springframework.web.filter.", "servlet filters"),
            Map.entry("org.eclipse.jetty.", "Jetty (connector, HTTP parsing, servlet handling)"),
            Map.entry("org.apache.", "Tomcat (connector, HTTP parsing, valves)"));

    private final Recording recording = new Recording();

    static RequestProfile start() {
        RequestProfile p = new RequestProfile();
        p.recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        p.recording.start();
        return p;
    }

    /** Stops and answers the shares of the samples by phase. */
    String stop() throws IOException {
        Path file = Files.createTempFile("parley-http", ".jfr");
        try {
            recording.stop();
            recording.dump(file);
            Map<String, Integer> byPhase = new LinkedHashMap<>();
            int total = 0;
            try (RecordingFile f = new RecordingFile(file)) {
                while (f.hasMoreEvents()) {
                    RecordedEvent e = f.readEvent();
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                        continue;
                    }
                    RecordedThread thread = e.getThread("sampledThread");
                    if (thread == null || thread.getJavaName() == null
                            || !HttpBenchmark.serverThread(thread.getJavaName()) || e.getStackTrace() == null) {
                        continue;
                    }
                    total++;
                    byPhase.merge(phaseOf(e.getStackTrace().getFrames()), 1, Integer::sum);
                }
            }
            int samples = total;
            return samples + " samples of " + HttpBenchmark.SERVER + "'s threads on the CPU: " + byPhase.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%.0f%% %s", 100.0 * e.getValue() / samples, e.getKey()))
                    .collect(Collectors.joining(", ")) + ".";
        } finally {
            recording.close();
            Files.deleteIfExists(file);
        }
    }

    private static String phaseOf(List<RecordedFrame> frames) {
        for (Map.Entry<String, String> phase : PHASES) {
            for (RecordedFrame frame : frames) {
                String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (name.contains(phase.getKey())) {
                    return phase.getValue();
                }
            }
        }
        return "other";
    }
}
