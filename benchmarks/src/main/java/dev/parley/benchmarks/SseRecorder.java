package dev.parley.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An event stream read from a raw socket on its own thread, keeping every event (id, name, data) in arrival order:
 * what the soak checks for duplicates and gaps.
 */
final class SseRecorder implements AutoCloseable {

    /** One event as the client saw it. */
    record Event(long id, String name, String data) {}

    private final Socket socket;
    private final List<Event> events = new ArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final StringBuilder current = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private String name = "message";
    private long id = -1;
    private volatile boolean ended;

    private SseRecorder(int port, String path, String authorization) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\n" + (authorization == null ? "" : "Authorization: "
                + authorization + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        Thread reader = new Thread(this::read, "bench-sse-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens an admin stream and waits until it is connected. */
    static SseRecorder admin(int port, String token) throws Exception {
        SseRecorder r = new SseRecorder(port, "/api/v1/admin/chat/stream", "Bearer " + token);
        if (!r.connected.await(30, TimeUnit.SECONDS) || r.ended) {
            r.close();
            throw new IllegalStateException("the admin stream did not open");
        }
        return r;
    }

    private void read() {
        StringBuilder line = new StringBuilder();
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpHead head = HttpHead.read(in, line);
            if (head.status() != 200) {
                throw new IOException("the stream answered " + head.status());
            }
            if (head.chunked()) {
                for (long size = HttpHead.chunkSize(HttpHead.readLine(in, line)); size > 0;
                        size = HttpHead.chunkSize(HttpHead.readLine(in, line))) {
                    byte[] chunk = in.readNBytes((int) size);
                    for (byte b : chunk) {
                        onByte(b & 0xff);
                    }
                    HttpHead.readLine(in, line);
                }
            } else {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    onByte(b);
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            ended = true;
            connected.countDown();
        }
    }

    private void onByte(int b) {
        if (b != '\n') {
            current.append((char) (b & 0xff));
            return;
        }
        String l = current.toString();
        current.setLength(0);
        if (l.isEmpty()) {
            if (data.length() > 0) {
                synchronized (events) {
                    events.add(new Event(id, name, data.toString()));
                }
            }
            data.setLength(0);
            name = "message";
            id = -1;
        } else if (l.startsWith(":")) {
            connected.countDown();
        } else if (l.startsWith("id:")) {
            id = Long.parseLong(l.substring(3).strip());
        } else if (l.startsWith("event:")) {
            name = l.substring(6).strip();
        } else if (l.startsWith("data:")) {
            data.append(l.substring(5).strip());
        }
    }

    /** The events received so far. */
    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
