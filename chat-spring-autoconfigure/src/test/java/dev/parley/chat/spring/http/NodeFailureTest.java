package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Node B of three is closed in the middle of traffic (visitors posting through every node, admin streams open on
 * every node, a visitor watching its chat on B, notification emails through a real SMTP server): nothing that was
 * acknowledged is lost, the remaining nodes send every notification exactly once, and B's stream clients resume on
 * A or C with their {@code Last-Event-ID}, losing and repeating nothing.
 */
class NodeFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = TestTokens.randomSecret();

    @Test
    void closingANodeMidTrafficLosesNothingAndItsClientsResumeElsewhere() throws Exception {
        String url = ClusterNodes.freshDatabase("nodefail");
        int smtpPort = ClusterNodes.freePort();
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        String prefix = "Crash" + Long.toString(System.nanoTime(), 36);
        try (ClusterNodes cluster = new ClusterNodes(url, SECRET, "--parley.mail.host=127.0.0.1",
                "--parley.mail.port=" + smtpPort, "--parley.mail.security=none",
                "--parley.mail.from-address=support@example.test", "--parley.admins[0].email=alice@example.test",
                "--parley.outbox.poll-interval=200ms", "--parley.outbox.lease=5s",
                "--parley.notifications.offline-batch-window=1h", "--parley.web.rate-limit.enabled=false",
                "--parley.cluster.listen-wait=500ms", "--parley.sse.client-buffer-size=4096")) {
            Api a = new Api(ClusterNodes.port(cluster.start("a")));
            ConfigurableApplicationContext nodeB = cluster.start("b");
            Api b = new Api(ClusterNodes.port(nodeB));
            Api c = new Api(ClusterNodes.port(cluster.start("c")));

            // a visitor whose chat is answered from A while its stream is on B
            String watchedName = "Watched " + prefix; // not a name of the traffic's chats
            String watched = a.post("/api/v1/chat", Map.of("visitorName", watchedName, "message", "help"))
                    .data().get("sessionId").asString();
            long watchedChat = chatId(a, watchedName);

            SseClient onA = Streams.admin(a, SECRET);
            SseClient onB = Streams.admin(b, SECRET);
            SseClient onC = Streams.admin(c, SECRET);
            SseClient visitorOnB = Streams.visitor(b, watched, null);

            List<Api> live = new CopyOnWriteArrayList<>(List.of(a, b, c));
            List<String> replies = new CopyOnWriteArrayList<>();
            Thread replier = new Thread(() -> {
                for (int i = 0; !Thread.currentThread().isInterrupted() && i < 10_000; i++) {
                    String text = "reply " + i;
                    try {
                        if (a.post("/api/v1/admin/chat", Map.of("chatId", watchedChat, "message", text),
                                Streams.bearer(SECRET)).status() == 200) {
                            replies.add(text);
                        }
                        Thread.sleep(30);
                    } catch (InterruptedException | RuntimeException e) {
                        return; // interrupted when the test stops replying
                    }
                }
            }, "test-replier");
            int beforeClose;
            try (VisitorTraffic traffic = new VisitorTraffic(prefix, () -> live, 6)) {
                replier.start();
                await().atMost(WAIT).until(() -> traffic.ackedCount() >= 60 && replies.size() >= 5);

                beforeClose = traffic.ackedCount();
                nodeB.close(); // while the visitors keep posting, some of them to B
                live.remove(b); // the load balancer notices

                assertThat(onB.awaitEnd(WAIT)).as("B's admin stream ends when B closes").isTrue();
                assertThat(visitorOnB.awaitEnd(WAIT)).as("B's visitor stream ends when B closes").isTrue();
                List<SseClient.Event> adminSeenOnB = onB.drain();
                List<SseClient.Event> visitorSeenOnB = visitorOnB.drain();
                String adminLast = lastId(adminSeenOnB);
                String visitorLast = lastId(visitorSeenOnB);
                // the clients of B reconnect through the load balancer: the admin lands on C, the visitor on A
                SseClient adminResumed = Streams.admin(c, SECRET, "Last-Event-ID", adminLast);
                SseClient visitorResumed = Streams.visitor(a, watched, visitorLast);

                await().atMost(WAIT).until(() -> traffic.ackedCount() >= beforeClose + 60);
                traffic.close();
                replier.interrupt();
                replier.join(WAIT.toMillis());
                assertThat(a.post("/api/v1/chat", Map.of("visitorName", prefix + " zz", "message", "the end"))
                        .status()).isEqualTo(200);
                assertThat(c.post("/api/v1/admin/chat", Map.of("chatId", watchedChat, "message", "the last reply"),
                        Streams.bearer(SECRET)).status()).isEqualTo(200);

                Set<String> acked = traffic.acked();
                List<String> stored = storedMessages(url, prefix);
                assertThat(stored).as("every acknowledged message is in the database").containsAll(acked)
                        .doesNotHaveDuplicates();

                // the streams that stayed up (A, C) carry every stored message of these chats once, in log order
                List<SseClient.Event> fromA = Streams.until(onA, prefix, "the end");
                List<SseClient.Event> fromC = Streams.until(onC, prefix, "the end");
                assertThat(Streams.texts(fromA)).containsExactlyInAnyOrderElementsOf(stored);
                assertThat(Streams.ids(fromA)).isSorted().doesNotHaveDuplicates().isEqualTo(Streams.ids(fromC));

                // B's admin client: what it saw on B, then on C after Last-Event-ID, is exactly the full stream
                List<SseClient.Event> adminJoined = new ArrayList<>(Streams.matching(adminSeenOnB, prefix));
                adminJoined.addAll(Streams.until(adminResumed, prefix, "the end"));
                assertThat(Streams.ids(adminJoined)).isEqualTo(Streams.ids(fromC));

                // B's visitor: the replies it saw on B, then on A, are every reply once, in order
                List<String> visitorJoined = new ArrayList<>(visitorTexts(visitorSeenOnB));
                while (!visitorJoined.contains("the last reply")) {
                    visitorJoined.add(visitorResumed.next(NodeFailureTest::isReply, WAIT).json().get("message")
                            .asString());
                }
                List<String> expected = new ArrayList<>(replies);
                expected.add("the last reply");
                assertThat(visitorJoined).as("replies seen before and after the resume").containsExactlyElementsOf(
                        storedReplies(url, watchedChat)).containsAll(expected);

                // every chat that exists got its new-chat email exactly once, from A or C
                List<Long> chats = new ArrayList<>(storedChats(url, prefix));
                chats.add(watchedChat);
                await().atMost(WAIT).until(() -> unsentNewChatEmails(url) == 0);
                await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= chats.size());
                Map<Long, Integer> emails = emailsPerChat(smtp);
                assertThat(emails).as("one email per chat").hasSize(chats.size())
                        .allSatisfy((chat, count) -> assertThat(count).as("emails of chat " + chat).isEqualTo(1));
                assertThat(emails.keySet()).containsExactlyInAnyOrderElementsOf(chats);

                report(traffic, beforeClose, stored.size(), chats.size());
                for (SseClient s : List.of(onA, onC, adminResumed, visitorResumed)) {
                    s.close();
                }
            }
        } finally {
            smtp.stop();
        }
    }

    private static void report(VisitorTraffic traffic, int beforeClose, int stored, int chats) {
        System.out.printf("NodeFailureTest: %d requests, %d acknowledged (%d before B closed), %d refused or failed,"
                + " %d messages stored, %d chats, each emailed once%n", traffic.requests(), traffic.ackedCount(),
                beforeClose, traffic.refusals().size(), stored, chats);
    }

    private static String lastId(List<SseClient.Event> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1).id();
    }

    private static List<String> visitorTexts(List<SseClient.Event> events) {
        return events.stream().filter(NodeFailureTest::isReply).map(e -> e.json().get("message").asString())
                .toList();
    }

    private static boolean isReply(SseClient.Event e) {
        return e.name().equals("message") && e.json().get("sender").asString().equals("ADMIN");
    }

    static long chatId(Api api, String name) {
        Api.Response r = api.get("/api/v1/admin/chat?text=" + name.replace(" ", "%20"), Streams.bearer(SECRET));
        assertThat(r.data().get("items")).as(r.toString()).hasSize(1);
        return r.data().at("/items/0/chat/id").asLong();
    }

    static List<String> storedMessages(String url, String prefix) throws SQLException {
        return query(url, "SELECT m.message FROM parley_message m JOIN parley_chat c ON c.id = m.chat_id"
                + " WHERE c.visitor_name LIKE ? AND m.sender IN ('VISITOR', 'ADMIN') ORDER BY m.id", prefix + "%")
                .stream().map(Object::toString).toList();
    }

    private static List<String> storedReplies(String url, long chat) throws SQLException {
        return query(url, "SELECT message FROM parley_message WHERE chat_id = ? AND sender = 'ADMIN' ORDER BY id",
                chat).stream().map(Object::toString).toList();
    }

    static List<Long> storedChats(String url, String prefix) throws SQLException {
        return query(url, "SELECT id FROM parley_chat WHERE visitor_name LIKE ?", prefix + "%").stream()
                .map(o -> ((Number) o).longValue()).toList();
    }

    static long unsentNewChatEmails(String url) throws SQLException {
        return ((Number) query(url, "SELECT count(*) FROM parley_outbox WHERE kind = 'NEW_CHAT' AND status <> ?",
                "SENT").get(0)).longValue();
    }

    static Map<Long, Integer> emailsPerChat(GreenMail smtp) throws MessagingException {
        Map<Long, Integer> perChat = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String[] kind = m.getHeader("X-Parley-Notification");
            if (kind != null && kind[0].equals("NEW_CHAT")) {
                perChat.merge(Long.parseLong(m.getHeader("X-Parley-Chat-Id")[0]), 1, Integer::sum);
            }
        }
        return perChat;
    }

    static List<Object> query(String url, String sql, Object parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = connection.prepareStatement(sql)) {
            s.setObject(1, parameter);
            List<Object> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getObject(1));
                }
            }
            return rows;
        }
    }

    /** Opening and reading the event streams of the nodes. */
    static final class Streams {

        private Streams() {}

        static String[] bearer(String secret) {
            return new String[] {"Authorization", "Bearer " + TestTokens.valid(secret, "alice")};
        }

        static SseClient admin(Api api, String secret, String... headers) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/chat/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", bearer(secret)[1]);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                if (headers[i + 1] != null) {
                    r.header(headers[i], headers[i + 1]);
                }
            }
            return opened(SseClient.open(api.http(), r.build()));
        }

        static SseClient visitor(Api api, String session, String lastEventId) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chat/stream?sessionId="
                    + session)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                r.header("Last-Event-ID", lastEventId);
            }
            return opened(SseClient.open(api.http(), r.build()));
        }

        private static SseClient opened(SseClient client) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.nextComment(WAIT)).isEqualTo("connected");
            return client;
        }

        private static boolean ours(SseClient.Event e, String prefix) {
            return (e.name().equals("message") || e.name().equals("chat.started"))
                    && e.json().at("/chat/visitorName").asString().startsWith(prefix);
        }

        static List<SseClient.Event> matching(List<SseClient.Event> events, String prefix) {
            return events.stream().filter(e -> ours(e, prefix)).toList();
        }

        /** The chat.started and message events of the prefix's chats, up to the first whose text is the marker. */
        static List<SseClient.Event> until(SseClient stream, String prefix, String marker) {
            List<SseClient.Event> seen = new ArrayList<>();
            while (true) {
                SseClient.Event e = stream.next(x -> ours(x, prefix), WAIT);
                seen.add(e);
                if (e.json().at("/message/message").asString().equals(marker)) {
                    return seen;
                }
            }
        }

        static List<String> texts(List<SseClient.Event> events) {
            return events.stream().map(e -> e.json().at("/message/message").asString()).toList();
        }

        static List<Long> ids(List<SseClient.Event> events) {
            return events.stream().map(e -> Long.parseLong(e.id())).toList();
        }
    }
}
