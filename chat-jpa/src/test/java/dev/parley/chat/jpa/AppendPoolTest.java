package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.Parley;
import dev.parley.chat.Chat;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.tck.MutableClock;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On PostgreSQL, visitors' messages go through the one-statement append, whose decision asks who is online; admins
 * coming online and going offline meanwhile make that answer change and its cached copy expire, so the decision reads
 * the presence table. On a pool of one or two connections, eight posting threads never time out or deadlock, no
 * thread ever holds two connections at once, and the messages, the chats' analytics and the rollups stay exact.
 */
class AppendPoolTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final List<Admin> ADMINS = List.of(new Admin("ann", "Ann", null, "agent", Set.of()),
            new Admin("bob", "Bob", null, "agent", Set.of()));
    private static final int POSTERS = 8;
    private static final int EACH = 25;
    private static final int CHATS = 5;

    @ParameterizedTest(name = "a pool of {0}")
    @ValueSource(ints = {1, 2})
    void visitorsPostingWhileAdminsComeAndGoNeverNeedASecondConnection(int poolSize) throws Exception {
        TestDatabases.postgres().emptyStore();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.postgres().jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(20_000);
        MutableClock clock = new MutableClock(T0);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CountingDataSource counted = new CountingDataSource(pool);
            try (JpaChatStore store = JpaChatStore.create(counted, JpaStoreOptions.DEFAULTS);
                 Parley parley = Parley.builder().store(store).clock(clock).admins(AdminDirectory.of(ADMINS))
                         .build()) {
                List<PostedMessage> chats = new ArrayList<>();
                for (int i = 0; i < CHATS; i++) {
                    chats.add(parley.chats().startChat(new StartChat("Visitor " + i, null, null, null, "Hi")));
                }
                parley.presence().heartbeat("ann", Heartbeat.onlineForAll());
                CountDownLatch posting = new CountDownLatch(POSTERS);
                AtomicInteger offline = new AtomicInteger();

                List<Integer> done = Together.run(POSTERS + 1, t -> () -> {
                    if (t == POSTERS) {
                        return comeAndGo(parley, clock, posting, offline);
                    }
                    try {
                        for (int i = 0; i < EACH; i++) {
                            PostedMessage into = chats.get((t + i) % CHATS);
                            if (!parley.chats().postVisitorMessage(VisitorMessage.text(into.sessionId(),
                                    t + "/" + i)).adminOnline()) {
                                offline.incrementAndGet();
                            }
                        }
                    } finally {
                        posting.countDown();
                    }
                    return EACH;
                });

                assertThat(done.get(POSTERS)).as("admin presence changes").isGreaterThanOrEqualTo(8);
                assertThat(offline).as("messages while nobody was online").hasPositiveValue();
                assertThat(counted.most()).as("connections one thread held at once").isEqualTo(1);
                long visitorMessages = 0;
                long notices = 0;
                for (PostedMessage p : chats) {
                    Chat stored = parley.chats().getChat(p.chat().id());
                    var messages = parley.store().messages().list(p.chat().id(), null, null, 10_000);
                    long fromVisitor = messages.stream().filter(m -> m.sender() == Sender.VISITOR).count();
                    notices += messages.stream().filter(m -> m.sender() == Sender.SYSTEM).count();
                    assertThat(stored.analytics().totalMessages())
                            .isEqualTo(messages.stream().filter(m -> m.sender() != Sender.SYSTEM).count());
                    assertThat(stored.analytics().visitorMessages()).isEqualTo(fromVisitor);
                    visitorMessages += fromVisitor;
                }
                assertThat(visitorMessages).isEqualTo(CHATS + (long) POSTERS * EACH);
                assertThat(notices).as("agent-available notices to waiting chats").isPositive();
                RollupTest.assertRollupEqualsChats(pool, "parley_", ZoneOffset.UTC);
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections not given back").isZero();
        }
    }

    /**
     * While the posters post (and for at least eight rounds), one admin after the other comes online or goes
     * offline, each time after the clock moved past the online cache's life; answers the number of changes.
     */
    private static int comeAndGo(Parley parley, MutableClock clock, CountDownLatch posting, AtomicInteger offline) {
        int round = 0;
        while (round < 8 || posting.getCount() > 0) {
            clock.advance(Duration.ofSeconds(2));
            if (round % 4 == 0) {
                parley.presence().goOffline("ann");
            } else if (round % 4 == 1) {
                parley.presence().heartbeat("bob", Heartbeat.onlineForAll());
            } else if (round % 4 == 2) {
                parley.presence().goOffline("bob");
            } else {
                parley.presence().heartbeat("ann", Heartbeat.onlineForAll());
            }
            round++;
        }
        return round;
    }

    /** A data source that records the most connections one thread held at once. */
    private static final class CountingDataSource implements DataSource {

        private final DataSource delegate;
        private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
        private final AtomicInteger most = new AtomicInteger();

        CountingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        int most() {
            return most.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(delegate.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return counted(delegate.getConnection(user, password));
        }

        private Connection counted(Connection real) {
            int[] mine = held.get();
            most.accumulateAndGet(++mine[0], Math::max);
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                            mine[0]--;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("parley");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return delegate.isWrapperFor(type);
        }
    }
}
