package dev.parley.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM that holds many client connections open, so that the server's heap is measured without the clients'
 * and each process stays within its file limit: {@code visitor PORT SESSIONS_FILE} opens one visitor event stream per
 * session (and waits for each to be connected), {@code bare PORT N} opens N plain TCP connections. It prints
 * {@code ready N} once they are open and holds them until its standard input closes.
 */
public final class StreamHolder {

    private StreamHolder() {}

    /** Entry point of the child process. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        List<Socket> sockets = new ArrayList<>();
        if (args[0].equals("visitor")) {
            for (String session : Files.readAllLines(Path.of(args[2]))) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                s.getOutputStream().write(("GET /api/v1/chat/stream?sessionId=" + session + " HTTP/1.1\r\nHost: "
                        + "127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                awaitConnected(s.getInputStream());
                sockets.add(s);
            }
        } else {
            int n = Integer.parseInt(args[2]);
            for (int i = 0; i < n; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
            }
        }
        System.out.println("ready " + sockets.size());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // hold until the parent closes our input
            }
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static void awaitConnected(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        StringBuilder seen = new StringBuilder();
        while (seen.indexOf(":connected") < 0) {
            int r = in.read(buffer);
            if (r < 0) {
                throw new IOException("the stream closed before it connected: " + seen);
            }
            seen.append(new String(buffer, 0, r, StandardCharsets.US_ASCII));
        }
    }

    /** The parent's handle on a holder process. */
    static final class Handle implements AutoCloseable {
        private final Process process;

        private Handle(Process process) {
            this.process = process;
        }

        /** Starts a holder with the arguments and waits until its connections are open. */
        static Handle start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", ownClassPath(),
                    StreamHolder.class.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("ready ")) {
                p.destroyForcibly();
                throw new IllegalStateException("the stream holder failed: " + line);
            }
            return new Handle(p);
        }

        /** Where this class was loaded from: the holder needs nothing else (under exec:java the class path is Maven's). */
        private static String ownClassPath() {
            try {
                return Path.of(StreamHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            process.getOutputStream().close();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
