package dev.parley.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The admin stream, read from a raw socket on its own thread: when each benchmark message's {@code message}
 * event arrived (taken as the event's data line is read).
 */
final class AdminStream implements AutoCloseable {

    private final Socket socket;
    private final String mark;
    private final AtomicLongArray received;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch all;
    private final StringBuilder current = new StringBuilder();
    private boolean messageEvent;
    private volatile long last;

    private AdminStream(int port, String token, String mark, int count) throws IOException {
        this.mark = mark;
        this.received = new AtomicLongArray(count);
        this.all = new CountDownLatch(count);
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.getOutputStream().write(("GET /api/v1/admin/chat/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        Thread reader = new Thread(this::read, "bench-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and waits for its first comment; {@code mark} + n in a message is message n. */
    static AdminStream open(int port, String token, String mark, int count) throws Exception {
        AdminStream stream = new AdminStream(port, token, mark, count);
        if (!stream.connected.await(10, TimeUnit.SECONDS) || stream.socket.isClosed()) {
            stream.close();
            throw new IllegalStateException("the admin stream did not open");
        }
        return stream;
    }

    private void read() {
        StringBuilder line = new StringBuilder();
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpHead head = HttpHead.read(in, line);
            if (head.status() != 200) {
                throw new IOException("the admin stream answered " + head.status());
            }
            if (head.chunked()) {
                for (long size = HttpHead.chunkSize(HttpHead.readLine(in, line)); size > 0; size = HttpHead.chunkSize(HttpHead.readLine(in, line))) {
                    for (long i = 0; i < size; i++) {
                        onByte(in.read());
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
            close();
            connected.countDown();
        }
    }

    private void onByte(int b) throws IOException {
        if (b < 0) {
            throw new IOException("the stream ended");
        }
        if (b != '\n') {
            current.append((char) b);
            return;
        }
        if (current.length() == 0) {
            messageEvent = false;
        } else if (current.charAt(0) == ':') {
            connected.countDown();
        } else if (current.indexOf("event:") == 0) {
            messageEvent = current.length() == 13 && current.indexOf("message", 6) == 6;
        } else if (messageEvent && current.indexOf("data:") == 0) {
            int at = current.indexOf(mark);
            if (at >= 0) {
                int n = 0;
                for (int i = at + mark.length(); i < current.length() && Character.isDigit(current.charAt(i)); i++) {
                    n = n * 10 + (current.charAt(i) - '0');
                }
                long now = System.nanoTime();
                if (n < received.length() && received.compareAndSet(n, 0, now)) {
                    last = now;
                    all.countDown();
                }
            }
        }
        current.setLength(0);
    }

    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        return all.await(timeout, unit);
    }

    long received(int n) {
        return received.get(n);
    }

    long lastReceived() {
        return last;
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
