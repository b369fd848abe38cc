package dev.parley.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small JSON-over-HTTP client on loopback for the HTTP benchmark (JDK {@link HttpClient}, HTTP/1.1). */
final class HttpLoad {

    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpLoad(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpClient client() {
        return client;
    }

    String base() {
        return base;
    }

    /** Starts a chat and answers its session id. */
    String startChat(String visitorName) throws IOException, InterruptedException {
        String body = post("/api/v1/chat", "{\"visitorName\":\"" + visitorName + "\",\"message\":\"Hello\"}");
        Matcher m = SESSION.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no sessionId in " + body);
        }
        return m.group(1);
    }

    /** Posts a visitor message to the chat. */
    void message(String sessionId, String text) throws IOException, InterruptedException {
        post("/api/v1/chat", "{\"sessionId\":\"" + sessionId + "\",\"message\":\"" + text + "\"}");
    }

    /** Posts a visitor message without waiting: the answer completes the future (open-loop load). */
    java.util.concurrent.CompletableFuture<HttpResponse<String>> messageAsync(String sessionId, String text) {
        return client.sendAsync(request("/api/v1/chat", "{\"sessionId\":\"" + sessionId + "\",\"message\":\""
                + text + "\"}"), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request(path, json), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
