package dev.parley.chat.spring.http;

import static dev.parley.chat.spring.http.NodeFailureTest.Streams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.chat.spring.cluster.PostgresWakeUps;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped and started again (same data directory and port) while visitors post through two nodes: the
 * requests during the outage answer 503 in the envelope within the pool's connection timeout (none hangs, none is a
 * 500), the listeners reconnect and catch up, every node's admin stream carries every event committed before and
 * after the outage once, every acknowledged message is stored, and the outbox sends each notification exactly once.
 *
 * <p>This test has its own PostgreSQL server (it stops it). Chat starts (which write notifications) pause around the
 * outage once every notification so far is sent: an email handed to the SMTP server at the very instant the database
 * goes away, before its "sent" mark is stored, would be sent again after its lease (the outbox delivers at least once;
 * docs/clustering.md says so). Messages keep flowing throughout.
 */
class DatabaseRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SECRET = TestTokens.randomSecret();
    /** The pool's connection timeout: the longest a request waits for the database. */
    private static final int CONNECTION_TIMEOUT_MS = 2000;

    @Test
    void requestsFailFastDuringAnOutageAndEverythingIsDeliveredOnceAfterTheRestart() throws Exception {
        Path data = Files.createTempDirectory("parley-restart-pg");
        int pgPort = ClusterNodes.freePort();
        EmbeddedPostgres postgres = postgres(data, pgPort);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        int smtpPort = ClusterNodes.freePort();
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        String prefix = "Outage" + Long.toString(System.nanoTime(), 36);
        try (ClusterNodes cluster = new ClusterNodes(url, SECRET, "--parley.mail.host=127.0.0.1",
                "--parley.mail.port=" + smtpPort, "--parley.mail.security=none",
                "--parley.mail.from-address=support@example.test", "--parley.admins[0].email=alice@example.test",
                "--parley.outbox.poll-interval=200ms", "--parley.outbox.lease=5s",
                "--parley.notifications.offline-batch-window=1h", "--parley.web.rate-limit.enabled=false",
                "--parley.cluster.listen-wait=500ms", "--parley.cluster.reconnect-backoff=200ms",
                "--parley.sse.client-buffer-size=4096",
                "--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS,
                "--spring.datasource.hikari.validation-timeout=1000")) {
            ConfigurableApplicationContext nodeA = cluster.start("a");
            ConfigurableApplicationContext nodeB = cluster.start("b");
            Api a = new Api(ClusterNodes.port(nodeA));
            Api b = new Api(ClusterNodes.port(nodeB));
            SseClient onA = Streams.admin(a, SECRET);
            SseClient onB = Streams.admin(b, SECRET);

            int beforeOutage;
            int refusedDuringOutage;
            try (VisitorTraffic traffic = new VisitorTraffic(prefix, () -> List.of(a, b), 4)) {
                await().atMost(WAIT).until(() -> traffic.ackedCount() >= 30);

                // no notification in flight when the database goes: every one so far is sent and marked sent
                traffic.startChats(false);
                await().atMost(WAIT).until(() -> traffic.startsInFlight() == 0);
                await().atMost(WAIT).until(() -> NodeFailureTest.unsentNewChatEmails(url) == 0);

                beforeOutage = traffic.ackedCount();
                int refusedBefore = traffic.refusals().size();
                postgres.close();
                await().atMost(WAIT).until(() -> traffic.refusals().size() >= refusedBefore + 10);
                for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                    await().atMost(WAIT).until(() -> !node.getBean(PostgresWakeUps.class).listening());
                }
                refusedDuringOutage = traffic.refusals().size() - refusedBefore;

                postgres = postgres(data, pgPort);
                for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                    PostgresWakeUps wakeUps = node.getBean(PostgresWakeUps.class);
                    await().atMost(WAIT).until(wakeUps::listening);
                }
                int atRestart = traffic.ackedCount();
                traffic.startChats(true);
                await().atMost(WAIT).until(() -> traffic.ackedCount() >= atRestart + 30);
                traffic.close();
                assertThat(a.post("/api/v1/chat", Map.of("visitorName", prefix + " zz", "message", "the end"))
                        .status()).isEqualTo(200);

                List<VisitorTraffic.Refusal> refusals = traffic.refusals();
                assertThat(refusals).as("requests were refused during the outage").isNotEmpty();
                assertThat(refusals).allSatisfy(r -> {
                    assertThat(r.status()).as(r.toString()).isEqualTo(503);
                    assertThat(r.code()).as(r.toString()).isEqualTo("SERVICE_UNAVAILABLE");
                    assertThat(r.millis()).as("answered without hanging: " + r)
                            .isLessThan(CONNECTION_TIMEOUT_MS + 8_000L);
                });

                List<String> stored = NodeFailureTest.storedMessages(url, prefix);
                assertThat(stored).as("every acknowledged message is in the database")
                        .containsAll(traffic.acked()).doesNotHaveDuplicates();

                List<SseClient.Event> fromA = Streams.until(onA, prefix, "the end");
                List<SseClient.Event> fromB = Streams.until(onB, prefix, "the end");
                assertThat(Streams.texts(fromA)).as("node A delivered every stored message once")
                        .containsExactlyInAnyOrderElementsOf(stored);
                assertThat(Streams.ids(fromA)).isSorted().doesNotHaveDuplicates().isEqualTo(Streams.ids(fromB));

                List<Long> chats = NodeFailureTest.storedChats(url, prefix);
                await().atMost(WAIT).until(() -> NodeFailureTest.unsentNewChatEmails(url) == 0);
                await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= chats.size());
                Map<Long, Integer> emails = NodeFailureTest.emailsPerChat(smtp);
                assertThat(emails.keySet()).as("one email per chat").containsExactlyInAnyOrderElementsOf(chats);
                assertThat(emails.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));

                long slowest = refusals.stream().mapToLong(VisitorTraffic.Refusal::millis).max().orElse(0);
                System.out.printf("DatabaseRestartTest: %d requests, %d acknowledged (%d before the outage), %d"
                        + " refused during the outage (all 503, slowest %d ms), %d messages stored, %d chats, each"
                        + " emailed once%n", traffic.requests(), traffic.ackedCount(), beforeOutage,
                        refusedDuringOutage, slowest, stored.size(), chats.size());
            } finally {
                onA.close();
                onB.close();
            }
        } finally {
            smtp.stop();
            postgres.close();
            deleteTree(data);
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setPort(port).setCleanDataDirectory(false)
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
