package dev.parley.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the figures were measured on.
 *
 * @param cores     processors available to the JVM
 * @param cpu       the CPU model, if the OS tells
 * @param memoryGb  physical memory
 * @param os        name, version, architecture
 * @param jvm       vendor, version, VM name
 * @param maxHeapMb the JVM's maximum heap
 */
record Machine(int cores, String cpu, double memoryGb, String os, String jvm, long maxHeapMb) {

    static Machine current() {
        double memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version") + ", "
                        + System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** One Markdown line per fact. */
    String markdown() {
        return String.format(Locale.ROOT, "- cores: %d (%s)%n- memory: %.1f GB%n- OS: %s%n- JVM: %s, max heap %d MB%n",
                cores, cpu, memoryGb, os, jvm, maxHeapMb);
    }
}
