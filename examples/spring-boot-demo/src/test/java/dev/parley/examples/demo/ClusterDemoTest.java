package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.chat.jpa.JpaChatStore;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo as two nodes, started as docs/clustering.md says (profile {@code cluster}, one port each): the first
 * starts the embedded PostgreSQL, the second joins it, both share the admin-token secret, and a chat a visitor starts
 * on node B appears on the admin stream of node A.
 */
class ClusterDemoTest {

    @Test
    void aChatStartedOnTheSecondNodeReachesTheDashboardStreamOfTheFirst(@TempDir Path data) throws Exception {
        String[] common = {"--spring.profiles.active=cluster", "--server.port=0", "--demo.data-dir=" + data,
            "--demo.cluster.postgres-port=" + freePort(), "--spring.main.banner-mode=off"};
        try (ConfigurableApplicationContext a = SpringApplication.run(DemoApplication.class, with(common, "a"));
             ConfigurableApplicationContext b = SpringApplication.run(DemoApplication.class, with(common, "b"))) {
            for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
                assertThat(node.getBean(JpaChatStore.class).databaseKind().name()).isEqualTo("POSTGRESQL");
            }
            String secret = Files.readString(data.resolve("cluster-secret")).strip();
            assertThat(a.getEnvironment().getProperty(DemoEnvironment.JWT_SECRET)).isEqualTo(secret)
                    .isEqualTo(b.getEnvironment().getProperty(DemoEnvironment.JWT_SECRET));

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base(a)
                    + "/api/v1/admin/chat/stream")).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token(secret, "ada")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            while (first != null && !first.startsWith(":connected")) {
                first = lines.readLine();
            }
            assertThat(first).as("the stream opened").isNotNull();

            String visitor = "Visitor on node B " + System.nanoTime();
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base(b) + "/api/v1/chat"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"visitorName\":\"" + visitor + "\",\"message\":\"Hello from node B\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data:") && line.contains(visitor)) {
                            return line;
                        }
                    }
                    return null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen.get(60, TimeUnit.SECONDS)).contains("Hello from node B");
            stream.body().close();
        }
    }

    private static String[] with(String[] common, String node) {
        String[] args = java.util.Arrays.copyOf(common, common.length + 1);
        args[common.length] = "--parley.node-name=" + node;
        return args;
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String token(String secret, String admin) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(admin)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
