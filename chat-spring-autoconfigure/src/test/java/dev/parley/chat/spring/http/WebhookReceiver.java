package dev.parley.chat.spring.http;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback (the JDK's HTTP server) that verifies every request with the Standard Webhooks
 * reference library ({@code com.standardwebhooks}), independent of Parley's signer, and acknowledges each verified
 * {@code webhook-id} once (a receiver deduplicates by that id).
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, String id, String body, boolean verified) {}

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();

    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = headers.getOrDefault("webhook-id", List.of("")).get(0);
            boolean verified;
            try {
                new Webhook(secrets.getOrDefault(path, "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                        .verify(body, headers);
                verified = true;
            } catch (Exception e) {
                verified = false;
            }
            received.add(new Received(path, id, body, verified));
            int status = path.endsWith("/gone") ? 410 : verified ? 200 : 401;
            if (status == 200) {
                acknowledged.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The secret that requests to this path are verified with. */
    void secret(String path, String secret) {
        secrets.put(path, secret);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
