package dev.parley.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** One keep-alive HTTP/1.1 connection on loopback, used by one thread at a time: a request, then its whole answer. */
final class Http1 implements AutoCloseable {

    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private final String path;
    private final byte[] postHead;
    private final StringBuilder line = new StringBuilder();
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http1(int port) throws IOException {
        this(port, "/api/v1/chat");
    }

    /** A connection whose {@link #postMessage} posts to {@code path} instead of the API's. */
    Http1(int port, String path) throws IOException {
        this.port = port;
        this.path = path;
        this.postHead = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1024);
    }

    private void reconnect() throws IOException {
        close();
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 1024);
    }

    /**
     * Posts a visitor message to the chat; fails unless it is answered 200. A connection the server closed while
     * it was idle is opened again once.
     */
    void postMessage(String sessionId, String text) throws IOException {
        byte[] body = ("{\"sessionId\":\"" + sessionId + "\",\"message\":\"" + text + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpHead head;
        try {
            head = exchange(body);
        } catch (EOFException | SocketException e) {
            reconnect();
            head = exchange(body);
        }
        if (head.close()) {
            reconnect();
        }
        if (head.status() != 200) {
            throw new IOException("POST " + path + " answered " + head.status());
        }
    }

    private HttpHead exchange(byte[] body) throws IOException {
        out.write(postHead);
        out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
        out.write(END_OF_HEAD);
        out.write(body);
        out.flush();
        HttpHead head = HttpHead.read(in, line);
        head.skipBody(in, line);
        return head;
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
