package dev.parley.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/** Live-object class histograms ({@code jcmd GC.class_histogram}, which runs a full GC), to tell where heap goes. */
final class HeapHistogram {

    private HeapHistogram() {}

    /** Bytes per class of the live objects now. */
    static Map<String, Long> take() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, Long> bytes = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] cells = line.trim().split("\\s+");
                // "  1:   12345   678901   java.lang.String (java.base@17)"
                if (cells.length >= 4 && cells[0].endsWith(":")) {
                    bytes.merge(cells[3], Long.parseLong(cells[2]), Long::sum);
                }
            }
            return bytes;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** The classes that grew most from {@code before} to {@code after}, in bytes per {@code per} items. */
    static String growth(Map<String, Long> before, Map<String, Long> after, int per, int top) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(e -> String.format(Locale.ROOT, "`%s` %.1f KB", simple(e.getKey()), e.getValue() / 1024.0 / per))
                .collect(Collectors.joining(", "));
    }

    private static String simple(String className) {
        return className.replace("java.lang.", "").replace("java.util.concurrent.", "").replace("java.util.", "");
    }
}
