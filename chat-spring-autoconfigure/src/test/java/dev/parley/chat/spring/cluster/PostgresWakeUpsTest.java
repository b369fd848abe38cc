package dev.parley.chat.spring.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.AdminPresence;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.jpa.JpaChatStore;
import dev.parley.chat.jpa.JpaStoreOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LISTEN/NOTIFY wake-ups against a real PostgreSQL: a node's feed reads another node's events when that one
 * announces them (the feeds here poll only every ten minutes), and a listener whose connection is killed reconnects
 * and catches up with what was announced while it was gone.
 */
class PostgresWakeUpsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ChatEvent ANY = new ChatEvent.DepartmentChanged(null, null);
    private static EmbeddedPostgres postgres;
    private static HikariDataSource dataSource;
    private static JpaChatStore store;

    private final EventCodec codec = new EventCodec();
    private final ParleyClusterProperties properties = new ParleyClusterProperties(null, null, null, "parley_events",
            Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofMillis(100), 100, Duration.ofHours(24),
            Duration.ofMinutes(5));

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        store = JpaChatStore.create(dataSource, JpaStoreOptions.DEFAULTS);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        store.close();
        dataSource.close();
        postgres.close();
    }

    private void write(String admin) {
        ChatEvent event = new ChatEvent.PresenceChanged(new AdminPresence(admin, true, Instant.EPOCH, null, null),
                false, true);
        store.transactions().run(() -> store.events().append(List.of(codec.draft(event, Instant.EPOCH))));
    }

    private static List<String> admins(List<EventLogFeed.Entry> entries) {
        return entries.stream().map(e -> ((ChatEvent.PresenceChanged) e.event()).presence().userId()).toList();
    }

    @Test
    void anotherNodesAnnouncementWakesTheFeedAndALostListenerReconnectsAndCatchesUp() throws Exception {
        List<EventLogFeed.Entry> received = new CopyOnWriteArrayList<>();
        EventLogFeed feed = new EventLogFeed(store.events(), properties.pollInterval(), properties.batchSize());
        feed.subscribe(new EventLogFeed.Subscriber() {
            @Override
            public void started(long position) {
                // nothing before
            }

            @Override
            public void deliver(List<EventLogFeed.Entry> events) {
                received.addAll(events);
            }
        });
        EventLogFeed otherFeed = new EventLogFeed(store.events(), properties.pollInterval(), 100);
        PostgresWakeUps listening = new PostgresWakeUps(feed, dataSource, ListenTarget.of(dataSource, properties),
                properties);
        PostgresWakeUps announcing = new PostgresWakeUps(otherFeed, dataSource,
                ListenTarget.of(dataSource, properties), properties);
        feed.start();
        listening.start();
        announcing.start();
        try {
            await().atMost(WAIT).until(() -> listening.listening() && announcing.listening());

            write("first");
            announcing.onEvent(ANY);
            await().atMost(WAIT).until(() -> received.size() == 1);

            // written and not announced: only the catching up of the reconnected listener brings it
            write("while-away");
            terminateListeners();
            await().atMost(WAIT).until(() -> received.size() == 2);
            write("after");
            announcing.onEvent(ANY);
            await().atMost(WAIT).until(() -> received.size() == 3);

            assertThat(admins(received)).containsExactly("first", "while-away", "after");
            assertThat(received).extracting(EventLogFeed.Entry::id).isSorted().doesNotHaveDuplicates();
            assertThat(listening.listening()).isTrue();
        } finally {
            listening.stop();
            announcing.stop();
            feed.stop();
        }
    }

    /**
     * Kills every listening backend, as a network failure or a database restart would; found by their application
     * name (their last query is LISTEN or, once they checked the connection while idle, empty).
     */
    private static void terminateListeners() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = '" + ListenTarget.APPLICATION_NAME + "'")) {
            int killed = 0;
            while (rs.next()) {
                killed++;
            }
            assertThat(killed).isGreaterThanOrEqualTo(1);
        }
    }
}
