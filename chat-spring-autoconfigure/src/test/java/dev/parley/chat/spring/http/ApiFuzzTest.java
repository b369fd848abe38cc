package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.parley.Parley;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.UnattachedUploads;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Every public and admin endpoint driven with generated requests against a real server on H2 through the JPA store:
 * random JSON shapes and types, missing and extra fields, huge and empty strings, control characters and unpaired
 * surrogates, numbers at the edges, wrong content types and methods, bad and missing tokens, other visitors' ids.
 * Properties: never a 5xx, always the JSON envelope, and a refused request stores nothing (the row count of every
 * table is the same before and after it).
 */
class ApiFuzzTest {

    static final int TRIES = 10_000;
    static final String SECRET = TestTokens.randomSecret();
    static final String OTHER_SECRET = TestTokens.randomSecret();

    static ConfigurableApplicationContext context;
    static Api api;
    static String countAll;
    static final List<String> sessions = new ArrayList<>();
    static final List<Long> chatIds = new ArrayList<>();
    static final AtomicLong requests = new AtomicLong();
    static final AtomicLong serverErrors = new AtomicLong();
    static final AtomicLong rowsLeaked = new AtomicLong();
    static final AtomicLong refused = new AtomicLong();
    static final AtomicLong httpNanos = new AtomicLong();
    static final AtomicLong countingNanos = new AtomicLong();
    static long started;

    @BeforeContainer
    static void start() throws IOException, SQLException {
        Path files = Files.createTempDirectory("parley-fuzz-");
        context = new SpringApplicationBuilder(Host.class).properties(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:parley-fuzz;DB_CLOSE_DELAY=-1",
                "spring.main.banner-mode=off",
                "server.forward-headers-strategy=native",
                "parley.admins[0].id=alice",
                "parley.admins[0].role=owner",
                "parley.admins[1].id=bob",
                "parley.admins[1].departments=sales",
                "parley.security.jwt-secret=" + SECRET,
                "parley.outbox.enabled=false",
                "parley.files.local.directory=" + files,
                "logging.level.root=WARN").run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = new Api(port);
        for (int i = 0; i < 5; i++) {
            Api.Response r = api.post("/api/v1/chat", Map.of("visitorName", "Seed " + i, "message", "hello"),
                    "X-Forwarded-For", "192.0.2." + i);
            sessions.add(r.data().get("sessionId").asString());
            chatIds.add(r.data().at("/chat/id").asLong(0));
        }
        JsonNode items = api.get("/api/v1/admin/chat", "Authorization", "Bearer " + TestTokens.valid(SECRET,
                "alice")).data().get("items");
        items.forEach(item -> chatIds.add(item.at("/chat/id").asLong()));
        countAll = countStatement(context.getBean(DataSource.class));
        started = System.nanoTime();
    }

    @AfterContainer
    static void stop() throws IOException {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String figures = "requests=" + requests + " refused=" + refused + " serverErrors=" + serverErrors
                + " rowsLeaked=" + rowsLeaked + " seconds=" + seconds + " httpSeconds=" + httpNanos.get() / 1_000_000_000L
                + " countingSeconds=" + countingNanos.get() / 1_000_000_000L + "\n";
        Files.writeString(Path.of("target", "api-fuzz-figures.txt"), figures);
        System.out.println("ApiFuzzTest " + figures);
        if (context != null) {
            context.close();
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void neverA5xxAlwaysTheEnvelopeAndNothingStoredWhenRefused(@ForAll("calls") Call call) throws Exception {
        long t0 = System.nanoTime();
        long[] before = rowCounts();
        long t1 = System.nanoTime();
        HttpResponse<byte[]> response = api.http().send(call.request(api), HttpResponse.BodyHandlers.ofByteArray());
        long t2 = System.nanoTime();
        long[] after = rowCounts();
        countingNanos.addAndGet(System.nanoTime() - t2 + t1 - t0);
        httpNanos.addAndGet(t2 - t1);
        requests.incrementAndGet();
        int status = response.statusCode();
        if (status >= 500) {
            serverErrors.incrementAndGet();
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);

        assertThat(status).as("%s -> %s", call, text).isLessThan(500);
        assertThat(text).as("%s -> %s %s", call, status, text).startsWith("{");
        JsonNode json = Api.JSON.readTree(response.body());
        assertThat(json.path("success").isBoolean()).as("%s -> %s", call, text).isTrue();
        assertThat(json.get("success").asBoolean()).as("%s -> %s", call, text).isEqualTo(status < 300);
        if (status >= 300) {
            refused.incrementAndGet();
            assertThat(json.at("/error/code").asString()).as("%s -> %s", call, text).isNotBlank();
            if (!java.util.Arrays.equals(before, after)) {
                rowsLeaked.incrementAndGet();
            }
            assertThat(after).as("row counts after the refused %s -> %s", call, text).isEqualTo(before);
        }
    }

    /** The sweep of unattached uploads on the JPA store: the attached file stays, the others go, each once. */
    @Example
    void uploadsNeverAttachedAreRemovedFromTheDatabaseAndTheDisk() throws Exception {
        String session = api.post("/api/v1/chat", Map.of("visitorName", "Sweep", "message", "hello"),
                "X-Forwarded-For", "198.51.100.1").data().get("sessionId").asString();
        String attached = upload(session);
        String loose = upload(session);
        Api.Response sent = api.post("/api/v1/chat", Map.of("sessionId", session, "message", "see",
                "messageType", "IMAGE", "fileUrl", attached));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        ChatStore store = context.getBean(ChatStore.class);
        FileStorage storage = context.getBean(Parley.class).fileStorage();
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));

        int removed = new UnattachedUploads(store, storage, later).removeOlderThan(Duration.ofDays(1));
        int again = new UnattachedUploads(store, storage, later).removeOlderThan(Duration.ofDays(1));

        assertThat(removed).isPositive();
        assertThat(again).isZero();
        assertThat(store.files().findUnattachedBefore(later.instant(), 10)).isEmpty();
        assertThat(api.get(attached).status()).isEqualTo(200);
        assertThat(api.get(loose).status()).isEqualTo(404);
    }

    private static String upload(String session) throws IOException {
        Api.Response r = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "p.png", "image/png",
                UploadTest.png(), "X-Forwarded-For", "198.51.100.2");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("url").asString();
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.of(Endpoint.values()).flatMap(e -> Combinators.combine(
                method(e), FuzzValues.query(e.params, e.stream() ? List.of() : sessions), auth(e), contentType(),
                body(e), FuzzValues.address())
                .as((method, query, auth, type, body, address) -> new Call(method, e.path + query, auth,
                        e == Endpoint.UPLOAD && !type.equals("text/plain") ? FuzzValues.multipartType() : type, body,
                        address)));
    }

    private static Arbitrary<String> method(Endpoint e) {
        Arbitrary<String> any = Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE");
        // a stream answered 200 stays open: streams are only called with their own method
        return e.stream() ? Arbitraries.just(e.method)
                : Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(e.method)),
                        Tuple.of(1, any));
    }

    private static Arbitrary<String> auth(Endpoint e) {
        // a valid token on a stream would open it for half an hour: streams get only bad credentials
        return Arbitraries.frequencyOf(
                Tuple.of(e.stream() ? 0 : e.admin ? 8 : 1, Arbitraries.of("alice", "bob")
                        .map(id -> "Bearer " + TestTokens.valid(SECRET, id))),
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("Bearer ", "Bearer abc.def.ghi", "Basic YWxpY2U6eA==",
                        "Bearer " + TestTokens.valid(OTHER_SECRET, "alice"),
                        "Bearer " + TestTokens.valid(SECRET, "mallory"),
                        "Bearer " + TestTokens.expired(SECRET, "alice"),
                        "Bearer " + TestTokens.algNone("alice"))));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz",
                        "application/json; charset=UTF-16", "application/json; charset=nonsense", "*/*",
                        "text/event-stream")));
    }

    private static Arbitrary<String> body(Endpoint e) {
        if (e == Endpoint.UPLOAD) {
            return FuzzValues.multipart(sessions);
        }
        return FuzzValues.body(e.fields, sessions, chatIds);
    }

    private static long[] rowCounts() throws SQLException {
        try (Connection c = context.getBean(DataSource.class).getConnection();
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(countAll)) {
            r.next();
            long[] counts = new long[r.getMetaData().getColumnCount()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = r.getLong(i + 1);
            }
            return counts;
        }
    }

    private static String countStatement(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet r = c.getMetaData().getTables(null, "PUBLIC", "%",
                new String[] {"TABLE"})) {
            while (r.next()) {
                tables.add(r.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).hasSizeGreaterThanOrEqualTo(8);
        return "select " + String.join(", ", tables.stream().map(t -> "(select count(*) from \"" + t + "\")")
                .toList());
    }

    /** The endpoints: method, path, query parameters and body fields. */
    enum Endpoint {
        START_OR_CONTINUE("POST", "/api/v1/chat", false, List.of(), List.of("sessionId", "visitorName",
                "visitorEmail", "visitorPhone", "department", "message", "messageType", "fileUrl", "fileName",
                "fileSize")),
        READ("GET", "/api/v1/chat", false, List.of("sessionId", "after"), List.of()),
        UPLOAD("POST", "/api/v1/chat/upload", false, List.of("sessionId"), List.of()),
        RATE("POST", "/api/v1/chat/rate", false, List.of(), List.of("sessionId", "rating", "comment")),
        SEARCH("GET", "/api/v1/chat/knowledge-base", false, List.of("q", "slug", "limit"), List.of()),
        DEPARTMENTS("GET", "/api/v1/chat/departments", false, List.of(), List.of()),
        VISITOR_STREAM("GET", "/api/v1/chat/stream", false, List.of("sessionId"), List.of()),
        UNKNOWN("GET", "/api/v1/chat/nothing-here", false, List.of(), List.of()),
        ADMIN_LIST("GET", "/api/v1/admin/chat", true, List.of("id", "after", "status", "department", "assignedTo",
                "rating", "text", "page", "size"), List.of()),
        ADMIN_SEND("POST", "/api/v1/admin/chat", true, List.of(), List.of("chatId", "message", "messageType",
                "fileUrl", "fileName", "fileSize")),
        ADMIN_UPDATE("PATCH", "/api/v1/admin/chat", true, List.of(), List.of("chatId", "status", "department",
                "assignedTo", "unassign")),
        ANALYTICS("GET", "/api/v1/admin/chat/analytics", true, List.of("days", "zone"), List.of()),
        ADMIN_DEPARTMENTS("GET", "/api/v1/admin/chat/departments", true, List.of(), List.of()),
        DEPARTMENT_CREATE("POST", "/api/v1/admin/chat/departments", true, List.of(), List.of("name", "slug",
                "description", "email", "isActive", "sortOrder")),
        DEPARTMENT_UPDATE("PUT", "/api/v1/admin/chat/departments", true, List.of(), List.of("id", "name", "slug",
                "description", "email", "isActive", "active", "sortOrder")),
        DEPARTMENT_DELETE("DELETE", "/api/v1/admin/chat/departments", true, List.of("id"), List.of()),
        ARTICLES("GET", "/api/v1/admin/chat/knowledge-base", true, List.of("q", "page"), List.of()),
        ARTICLE_CREATE("POST", "/api/v1/admin/chat/knowledge-base", true, List.of(), List.of("title", "slug",
                "content", "category", "keywords", "isPublished", "sortOrder")),
        ARTICLE_UPDATE("PUT", "/api/v1/admin/chat/knowledge-base", true, List.of(), List.of("id", "title", "slug",
                "content", "category", "keywords", "isPublished", "published", "sortOrder")),
        ARTICLE_DELETE("DELETE", "/api/v1/admin/chat/knowledge-base", true, List.of("id"), List.of()),
        HEARTBEAT("POST", "/api/v1/admin/presence", true, List.of(), List.of("isOnline", "online", "department",
                "socketId")),
        ONLINE("GET", "/api/v1/admin/presence", true, List.of("department"), List.of()),
        ADMIN_STREAM_WITH_BAD_TOKEN("GET", "/api/v1/admin/chat/stream", false, List.of("access_token"), List.of());

        final String method;
        final String path;
        final boolean admin;
        final List<String> params;
        final List<String> fields;

        Endpoint(String method, String path, boolean admin, List<String> params, List<String> fields) {
            this.method = method;
            this.path = path;
            this.admin = admin;
            this.params = params;
            this.fields = fields;
        }

        boolean stream() {
            return path.endsWith("/stream");
        }
    }

    /** One generated request. */
    record Call(String method, String pathAndQuery, String auth, String contentType, String body,
            String address) {

        HttpRequest request(Api api) {
            HttpRequest.Builder b = api.request(pathAndQuery, "X-Forwarded-For", address);
            if (!auth.isEmpty()) {
                b.header("Authorization", auth);
            }
            if (!contentType.isEmpty()) {
                b.header("Content-Type", contentType);
            }
            byte[] bytes = body.getBytes(contentType.startsWith("multipart/") ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8);
            boolean withBody = !method.equals("GET") && !method.equals("DELETE") || bytes.length > 0;
            return b.method(method, withBody ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                    : HttpRequest.BodyPublishers.noBody()).build();
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            return method + " " + (pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "…" : pathAndQuery)
                    + " auth=" + (auth.length() > 20 ? auth.substring(0, 20) + "…" : auth) + " type=" + contentType
                    + " body=" + shown;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {}
}
