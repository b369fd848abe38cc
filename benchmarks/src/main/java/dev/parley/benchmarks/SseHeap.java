package dev.parley.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Heap per open SSE client: growth of the used heap after a full GC when n more admin streams open (raw sockets as
 * clients) with n open already, per stream, against as many bare TCP connections to an idle in-process server socket.
 */
final class SseHeap {

    private SseHeap() {}

    /** Opens n streams, then n more, and adds the row and the finding on where the heap went. */
    static void measure(int n, int port, String token, Section section) throws Exception {
        String get = "GET /api/v1/admin/chat/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        SocketOpener stream = () -> {
            Socket s = new Socket("127.0.0.1", port);
            OutputStream out = s.getOutputStream();
            out.write(get.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitConnected(s.getInputStream());
            return s;
        };
        // n streams first: they take the request objects that the container recycled from the load before (Tomcat
        // caches up to 200 request processors), so that the n measured streams each cost what a further stream costs
        List<Socket> first = new ArrayList<>(n);
        AtomicReference<String> growth = new AtomicReference<>("");
        double sse;
        try {
            for (int i = 0; i < n; i++) {
                first.add(stream.open());
            }
            sse = perConnection(n, growth, stream);
        } finally {
            for (Socket s : first) {
                s.close();
            }
        }
        try (ServerSocket idle = new ServerSocket(0, n + 10, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!idle.isClosed()) {
                        accepted.add(idle.accept());
                    }
                } catch (Exception e) {
                    // closed
                }
            }, "bench-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            double bare = perConnection(n, new AtomicReference<>(""),
                    () -> new Socket("127.0.0.1", idle.getLocalPort()));
            Row row = Row.of(HttpBenchmark.TITLE, "PostgreSQL", "heap per SSE client (" + n + " → " + 2 * n + " open)", "KB",
                    sse / 1024, bare / 1024, sse / bare).withTarget("≤ 50 KB (absolute)", sse / 1024 <= 50)
                    .withNote("(baseline: a bare TCP connection, both ends in this JVM)");
            section.add(row);
            section.finding("**Where an SSE client's heap goes** (live objects that grew when " + n
                    + " more streams opened with " + n + " open, per stream, both ends in this JVM): " + growth.get()
                    + ".");
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** Used heap per connection after full GCs: opens n, measures, closes them. */
    private static double perConnection(int n, AtomicReference<String> growth,
            SocketOpener opener) throws Exception {
        Map<String, Long> histogramBefore = HeapHistogram.take();
        long before = usedAfterGc();
        List<Socket> sockets = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(opener.open());
            }
            long after = usedAfterGc();
            growth.set(HeapHistogram.growth(histogramBefore, HeapHistogram.take(), n, 6));
            return Math.max(1, after - before) / (double) n;
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Opens one client connection. */
    @FunctionalInterface
    private interface SocketOpener {
        Socket open() throws Exception;
    }

    private static void awaitConnected(InputStream in) throws Exception {
        byte[] buffer = new byte[1024];
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!seen.toString().contains(":connected")) {
            int r = in.read(buffer);
            if (r < 0 || System.nanoTime() > deadline) {
                throw new IllegalStateException("stream closed before it connected: " + seen);
            }
            seen.append(new String(buffer, 0, r, StandardCharsets.US_ASCII));
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
