package dev.parley.chat.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver on loopback (the JDK's HTTP server) that answers scripted statuses and keeps every request. */
final class Receiver implements AutoCloseable {

    record Request(String path, Map<String, String> headers, String body) {}

    record Reply(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestURI().getPath(), headers, body));
            Reply reply;
            synchronized (script) {
                reply = script.isEmpty() ? new Reply(200, Map.of(), "ok") : script.poll();
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers these replies to the next requests, then 200. */
    void then(Reply... replies) {
        synchronized (script) {
            script.addAll(List.of(replies));
        }
    }

    static Reply status(int status) {
        return new Reply(status, Map.of(), "status " + status);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
