package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.spring.cluster.PostgresWakeUps;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three nodes (each a Spring Boot application with its own HTTP server) on one embedded PostgreSQL database, over
 * real HTTP and real event streams. The nodes poll the log only every ten minutes here, so what crosses nodes is woken
 * up by LISTEN/NOTIFY.
 */
class ClusterTest {

    private static final String SECRET = TestTokens.randomSecret();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private static ClusterNodes cluster;
    private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();
    private static Api a;
    private static Api b;
    private static Api c;

    @BeforeAll
    static void startNodes() {
        cluster = new ClusterNodes(ClusterNodes.freshDatabase("cluster"), SECRET,
                "--parley.cluster.poll-interval=10m", "--parley.cluster.listen-wait=500ms");
        a = new Api(port(node("a")));
        b = new Api(port(node("b")));
        c = new Api(port(node("c")));
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        ConfigurableApplicationContext context = cluster.start(name);
        NODES.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ClusterNodes.port(context);
    }

    private static String[] asAdmin() {
        return new String[] {"Authorization", "Bearer " + TestTokens.valid(SECRET, "alice")};
    }

    private static SseClient adminStream(Api api) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/chat/stream"))
                .header("Accept", "text/event-stream").header("Authorization", asAdmin()[1]).build();
        return opened(SseClient.open(api.http(), request));
    }

    private static SseClient visitorStream(Api api, String session, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chat/stream?sessionId="
                + session)).header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return opened(SseClient.open(api.http(), r.build()));
    }

    private static SseClient opened(SseClient client) {
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.nextComment(WAIT)).isEqualTo("connected");
        return client;
    }

    private static String start(Api api, String name, String message) {
        int n = ADDRESSES.getAndIncrement();
        Api.Response r = api.post("/api/v1/chat", Map.of("visitorName", name, "message", message),
                "X-Forwarded-For", "10.9." + (n >> 8 & 255) + "." + (n & 255));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("sessionId").asString();
    }

    private static void post(Api api, String session, String message) {
        Api.Response r = api.post("/api/v1/chat", Map.of("sessionId", session, "message", message));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static long chatId(Api api, String name) {
        Api.Response r = api.get("/api/v1/admin/chat?text=" + name.replace(" ", "%20"), asAdmin());
        assertThat(r.data().get("items")).as(r.toString()).hasSize(1);
        return r.data().at("/items/0/chat/id").asLong();
    }

    private static void reply(Api api, long chatId, String message) {
        Api.Response r = api.post("/api/v1/admin/chat", Map.of("chatId", chatId, "message", message), asAdmin());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String unique(String prefix) {
        return prefix + " " + Long.toString(System.nanoTime(), 36);
    }

    /** The chat.started and message events of the named visitors, up to and including the marker message. */
    private static List<SseClient.Event> until(SseClient stream, String prefix, String marker) {
        List<SseClient.Event> seen = new ArrayList<>();
        while (true) {
            SseClient.Event e = stream.next(x -> (x.name().equals("message") || x.name().equals("chat.started"))
                    && x.json().at("/chat/visitorName").asString().startsWith(prefix), WAIT);
            seen.add(e);
            if (e.json().at("/message/message").asString().equals(marker)) {
                return seen;
            }
        }
    }

    private static List<Long> ids(List<SseClient.Event> events) {
        return events.stream().map(e -> Long.parseLong(e.id())).toList();
    }

    @Test
    void adminStreamsOnOtherNodesReceiveEveryVisitorEventOnceAndInOrder() throws Exception {
        String prefix = unique("Crowd");
        try (SseClient onB = adminStream(b); SseClient onC = adminStream(c)) {
            int chats = 4;
            int messages = 5;
            List<CompletableFuture<Void>> visitors = new ArrayList<>();
            for (int v = 0; v < chats; v++) {
                String name = prefix + " v" + v;
                visitors.add(CompletableFuture.runAsync(() -> {
                    String session = start(a, name, "m0");
                    for (int m = 1; m <= messages; m++) {
                        post(a, session, "m" + m);
                    }
                }));
            }
            CompletableFuture.allOf(visitors.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            String marker = start(a, prefix + " zz", "the end");
            assertThat(marker).isNotBlank();

            List<SseClient.Event> fromB = until(onB, prefix, "the end");
            List<SseClient.Event> fromC = until(onC, prefix, "the end");

            assertThat(fromB).hasSize(chats * (1 + messages) + 1);
            assertThat(ids(fromB)).isSorted().doesNotHaveDuplicates().isEqualTo(ids(fromC));
            for (int v = 0; v < chats; v++) {
                String name = prefix + " v" + v;
                assertThat(fromB).filteredOn(e -> e.json().at("/chat/visitorName").asString().equals(name))
                        .extracting(e -> e.json().at("/message/message").asString())
                        .containsExactlyElementsOf(IntStream.rangeClosed(0, messages).mapToObj(m -> "m" + m).toList());
            }
        }
    }

    @Test
    void anAdminReplyOnOneNodeReachesTheVisitorStreamOnAnother() {
        String name = unique("Asker");
        String session = start(a, name, "is anyone there?");
        long chatId = chatId(c, name);
        try (SseClient visitor = visitorStream(a, session)) {
            reply(c, chatId, "Alice here, from node C");

            SseClient.Event e = visitor.next(x -> x.name().equals("message"), WAIT);

            assertThat(e.json().get("message").asString()).isEqualTo("Alice here, from node C");
            assertThat(e.json().get("sender").asString()).isEqualTo("ADMIN");
        }
    }

    @Test
    void aVisitorStreamResumedOnAnotherNodeLosesNothingAndRepeatsNothing() {
        String name = unique("Wanderer");
        String session = start(a, name, "hello");
        long chatId = chatId(a, name);
        String lastSeen;
        try (SseClient onB = visitorStream(b, session)) {
            reply(a, chatId, "r1");
            SseClient.Event first = onB.next(x -> x.name().equals("message"), WAIT);
            assertThat(first.json().get("message").asString()).isEqualTo("r1");
            lastSeen = first.id();
        }
        reply(b, chatId, "r2");
        reply(a, chatId, "r3");

        try (SseClient onC = visitorStream(c, session, "Last-Event-ID", lastSeen)) {
            reply(c, chatId, "r4");
            List<String> texts = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            while (!texts.contains("r4")) {
                SseClient.Event e = onC.next(x -> x.name().equals("message"), WAIT);
                texts.add(e.json().get("message").asString());
                ids.add(Long.parseLong(e.id()));
            }

            assertThat(texts).containsExactly("r2", "r3", "r4");
            assertThat(ids).isSorted().allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(lastSeen)));
        }
    }

    @Test
    void anEventWhoseTransactionCommitsLastIsNotSkippedByAnyNode() throws Exception {
        String prefix = unique("Held");
        String heldName = prefix + " held";
        start(a, heldName, "before");
        long heldChat = chatId(a, heldName);
        Parley nodeA = NODES.get(0).getBean(Parley.class);
        try (SseClient onB = adminStream(b); SseClient onC = adminStream(c)) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> nodeA.store().transactions().run(() -> {
                nodeA.chats().postAdminMessage(AdminMessage.text(heldChat, "alice", "held reply"));
                written.countDown();
                await(release);
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            // later transactions take later ids and commit while the held one is still open
            for (int i = 0; i < 3; i++) {
                start(i % 2 == 0 ? b : c, prefix + " later" + i, "later " + i);
            }
            release.countDown();
            held.get(30, TimeUnit.SECONDS);
            start(a, prefix + " zz", "the end");

            for (SseClient stream : List.of(onB, onC)) {
                // the held chat's start may still have been on its way when the streams opened
                List<SseClient.Event> seen = until(stream, prefix, "the end").stream()
                        .filter(e -> !e.json().at("/message/message").asString().equals("before")).toList();
                assertThat(seen).extracting(e -> e.json().at("/message/message").asString())
                        .containsExactlyInAnyOrder("held reply", "later 0", "later 1", "later 2", "the end");
                assertThat(ids(seen)).isSorted().doesNotHaveDuplicates();
                assertThat(seen.get(0).json().at("/message/message").asString())
                        .as("the held transaction took its id first, so it comes first").isEqualTo("held reply");
            }
        }
    }

    @Test
    void everyNodeListensThroughItsOwnConnection() {
        for (ConfigurableApplicationContext node : NODES) {
            PostgresWakeUps wakeUps = node.getBean(PostgresWakeUps.class);
            org.awaitility.Awaitility.await().atMost(WAIT).until(wakeUps::listening);
            assertThat(wakeUps.isRunning()).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the held transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
