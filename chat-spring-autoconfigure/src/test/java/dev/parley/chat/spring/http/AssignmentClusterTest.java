package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.StartChat;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.presence.PresenceTracker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two Spring Boot nodes on one embedded PostgreSQL: 200 chats wait in {@code general} (round-robin), then five
 * admins of capacity 3 come online on both nodes at the same moment. No admin ever holds more than 3 open chats
 * (watched by a reader polling the database throughout), no chat is assigned twice (counted from both nodes'
 * events), and as chats are resolved, from both nodes at once, the queue empties in arrival order until every chat
 * was served. The periodic sweep is pushed out of the way, so only the drains that changes trigger do the work.
 */
class AssignmentClusterTest {

    private static final String SECRET = TestTokens.randomSecret();
    private static final List<String> ADMINS = List.of("ada", "ben", "cy", "dee", "eve");
    private static final int CHATS = 200;
    private static final int CAPACITY = 3;

    private static EmbeddedPostgres postgres;
    private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

    @BeforeAll
    static void startNodes() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").start();
        node("a");
        node("b");
    }

    @AfterAll
    static void stopNodes() throws IOException {
        NODES.forEach(ConfigurableApplicationContext::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void node(String name) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--parley.security.jwt-secret=" + SECRET,
                "--parley.node-name=" + name,
                "--parley.presence.heartbeat-timeout=30m",
                "--parley.assignment.default-capacity=" + CAPACITY,
                "--parley.assignment.sweep-interval=1h",
                "--parley.cluster.poll-interval=10m",
                "--spring.main.banner-mode=off"));
        for (int i = 0; i < ADMINS.size(); i++) {
            args.add("--parley.admins[" + i + "].id=" + ADMINS.get(i));
            args.add("--parley.admins[" + i + "].name=Agent " + ADMINS.get(i));
        }
        NODES.add(new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new)));
    }

    private static Api api(int node) {
        return new Api(((WebServerApplicationContext) NODES.get(node)).getWebServer().getPort());
    }

    private static <T> T bean(int node, Class<T> type) {
        return NODES.get(node).getBean(type);
    }

    private static String[] asAdmin() {
        return new String[] {"Authorization", "Bearer " + TestTokens.valid(SECRET, "ada")};
    }

    @Test
    void twoHundredWaitingChatsAreServedInArrivalOrderAndNoAdminIsEverOverCapacity() throws Exception {
        Api a = api(0);
        long general = 0;
        for (JsonNode d : a.get("/api/v1/admin/chat/departments", asAdmin()).data()) {
            if (d.get("slug").asString().equals("general")) {
                general = d.get("id").asLong();
            }
        }
        Api.Response mode = a.put("/api/v1/admin/chat/departments",
                Map.of("id", general, "assignmentMode", "round-robin"), asAdmin());
        assertThat(mode.status()).as(mode.toString()).isEqualTo(200);

        Map<Long, String> sessions = new ConcurrentHashMap<>();
        ExecutorService visitors = Executors.newFixedThreadPool(4);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            ChatService chats = bean(i % 2, ChatService.class);
            String name = "Visitor " + i;
            started.add(visitors.submit(() -> {
                var posted = chats.startChat(new StartChat(name, null, null, "general", "Hello"));
                sessions.put(posted.chat().id(), posted.sessionId());
            }));
        }
        for (Future<?> f : started) {
            f.get(5, TimeUnit.MINUTES);
        }
        visitors.shutdown();
        List<Long> arrivals = new ArrayList<>(); // arrival order: when each chat started, then its id
        query("SELECT id FROM parley_chat ORDER BY created_at, id", r -> arrivals.add(r.getLong(1)));
        assertThat(arrivals).hasSize(CHATS);
        assertThat(openAssigned()).isEmpty();

        Map<Long, List<String>> assignments = new ConcurrentHashMap<>();
        for (int n = 0; n < 2; n++) {
            bean(n, Parley.class).subscribe(e -> {
                if (e instanceof ChatEvent.ChatUpdated u && u.chat().status().isOpen()
                        && u.chat().assignedTo() != null && !u.statusChanged()) {
                    assignments.computeIfAbsent(u.chat().id(), id -> new CopyOnWriteArrayList<>())
                            .add(u.chat().assignedTo());
                }
            });
        }
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        Future<?> watcher = pool.submit(() -> {
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                while (watching.get()) {
                    openAssigned(c).values().forEach(held -> mostHeld.accumulateAndGet(held, Math::max));
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // leave the two cores to the nodes
                }
            }
            return null;
        });

        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> online = new ArrayList<>();
        for (String admin : ADMINS) {
            for (int n = 0; n < 2; n++) {
                PresenceTracker presence = bean(n, PresenceTracker.class);
                online.add(pool.submit(() -> {
                    go.await();
                    return presence.heartbeat(admin, Heartbeat.onlineForAll());
                }));
            }
        }
        go.countDown();
        for (Future<?> f : online) {
            f.get(2, TimeUnit.MINUTES);
        }
        int slots = ADMINS.size() * CAPACITY;
        assertThat(openAssigned()).hasSize(ADMINS.size()).allSatisfy((admin, held) -> assertThat(held)
                .isEqualTo(CAPACITY));
        assertServedInArrivalOrder(arrivals, slots);

        JsonNode next = api(1).get("/api/v1/chat?sessionId=" + sessions.get(arrivals.get(slots))).data();
        assertThat(next.get("position").asInt()).isEqualTo(1);
        assertThat(api(1).get("/api/v1/chat?sessionId=" + sessions.get(arrivals.get(CHATS - 1))).data()
                .get("position").asInt()).isEqualTo(CHATS - slots);
        JsonNode served = api(0).get("/api/v1/chat?sessionId=" + sessions.get(arrivals.get(0))).data();
        assertThat(served.get("position").isNull()).isTrue();
        assertThat(served.at("/chat/agentName").asString()).startsWith("Agent ");
        JsonNode queue = api(1).get("/api/v1/admin/chat/queue?department=general&limit=500", asAdmin()).data();
        assertThat(queue.at("/0/chats")).hasSize(CHATS - slots);
        assertThat(queue.at("/0/chats/0/chat/id").asLong()).isEqualTo(arrivals.get(slots));

        int resolved = 0;
        while (resolved < CHATS) {
            List<Long> held = new ArrayList<>(openAssignedChats());
            assertThat(held).isNotEmpty();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                ChatService chats = bean(i % 2, ChatService.class);
                long id = held.get(i);
                done.add(pool.submit(() -> chats.updateChat(ChatUpdate.status(id, ChatStatus.RESOLVED))));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            resolved += held.size();
            assertServedInArrivalOrder(arrivals, Math.min(CHATS, resolved + slots));
        }
        watching.set(false);
        watcher.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(openAssignedChats()).isEmpty();
        assertThat(mostHeld.get()).as("the most open chats any admin held at any moment").isEqualTo(CAPACITY);
        assertThat(assignments).hasSize(CHATS).allSatisfy((chat, admins) -> assertThat(admins).hasSize(1));
        Map<String, Long> perAdmin = new LinkedHashMap<>();
        assignments.values().forEach(list -> perAdmin.merge(list.get(0), 1L, Long::sum));
        assertThat(perAdmin.keySet()).containsExactlyInAnyOrderElementsOf(ADMINS);
    }

    /** The first {@code count} arrivals have had an agent (assigned or resolved); no later one has. */
    private static void assertServedInArrivalOrder(List<Long> arrivals, int count) throws SQLException {
        Map<Long, Boolean> served = new HashMap<>();
        query("SELECT id, assigned_to IS NOT NULL OR status IN ('RESOLVED', 'CLOSED') FROM parley_chat", r -> {
            served.put(r.getLong(1), r.getBoolean(2));
        });
        List<Boolean> inOrder = arrivals.stream().map(served::get).toList();
        assertThat(inOrder.subList(0, count)).as("the first %d arrivals", count).containsOnly(true);
        assertThat(inOrder.subList(count, arrivals.size())).as("the arrivals after %d", count).doesNotContain(true);
    }

    /** Open assigned chats per admin, in one statement. */
    private static Map<String, Integer> openAssigned() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            return openAssigned(c);
        }
    }

    private static Map<String, Integer> openAssigned(Connection c) throws SQLException {
        Map<String, Integer> held = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT assigned_to, COUNT(*) FROM"
                + " parley_chat WHERE assigned_to IS NOT NULL AND status IN ('ACTIVE', 'WAITING')"
                + " GROUP BY assigned_to")) {
            while (r.next()) {
                held.put(r.getString(1), r.getInt(2));
            }
        }
        return held;
    }

    private static List<Long> openAssignedChats() throws SQLException {
        List<Long> ids = new ArrayList<>();
        query("SELECT id FROM parley_chat WHERE assigned_to IS NOT NULL AND status IN ('ACTIVE', 'WAITING')",
                r -> ids.add(r.getLong(1)));
        return ids;
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                row.read(r);
            }
        }
    }
}
