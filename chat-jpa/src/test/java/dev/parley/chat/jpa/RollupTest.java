package dev.parley.chat.jpa;

import dev.parley.chat.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.Parley;
import dev.parley.chat.ParleyException;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.analytics.AnalyticsReport;
import dev.parley.chat.analytics.StoreAnalyticsCalculator;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.jpa.schema.SchemaMigrator;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rollup table stays equal to the sums over the chats as chats change after they were created (messages,
 * status changes, reopenings, ratings, department changes and moves), and the V002 backfill of existing chats is
 * exact: every row equals the aggregate over its chats, and reports equal the in-memory store's.
 */
class RollupTest {

    private static final Instant END = Instant.parse("2025-11-02T20:15:00Z");
    private static final List<String> DEPARTMENTS = List.of("general", "sales", "technical", "finance");
    private static final List<Admin> ADMINS = List.of(new Admin("ann", "Ann", null, "agent", Set.of()));

    /** One Parley on the in-memory store and one on the database, driven with the same calls and clock. */
    private static final class Twins {
        final MutableClock clock = new MutableClock(END);
        final InMemoryChatStore memoryStore = new InMemoryChatStore();
        final ChatStore dbStore;
        final Parley memory;
        final Parley db;
        final List<String[]> sessions = new ArrayList<>();
        final List<long[]> ids = new ArrayList<>();

        Twins(ChatStore dbStore) {
            this.dbStore = dbStore;
            this.memory = parley(memoryStore);
            this.db = parley(dbStore);
        }

        private Parley parley(ChatStore store) {
            return Parley.builder().store(store).clock(clock).admins(AdminDirectory.of(ADMINS))
                    .settings(ParleySettings.DEFAULTS.withAnalyticsCacheTtl(Duration.ZERO)).build();
        }

        void start(String name, String department) {
            PostedMessage m = memory.chats().startChat(new StartChat(name, null, null, department, "Hi " + name));
            PostedMessage d = db.chats().startChat(new StartChat(name, null, null, department, "Hi " + name));
            sessions.add(new String[] {m.sessionId(), d.sessionId()});
            ids.add(new long[] {m.chat().id(), d.chat().id()});
        }

        /** Runs the call on both; both must succeed or both fail with the same error code. */
        void both(int chat, CallOn call) {
            ParleyException memoryError = attempt(() -> call.run(memory, sessions.get(chat)[0], ids.get(chat)[0]));
            ParleyException dbError = attempt(() -> call.run(db, sessions.get(chat)[1], ids.get(chat)[1]));
            assertThat(dbError == null ? null : dbError.code())
                    .isEqualTo(memoryError == null ? null : memoryError.code());
        }

        private static ParleyException attempt(Runnable r) {
            try {
                r.run();
                return null;
            } catch (ParleyException e) {
                return e;
            }
        }

        void assertSameReports() {
            for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu", "+00:20")) {
                for (int days : List.of(1, 3, 7, 30)) {
                    AnalyticsQuery q = new AnalyticsQuery(days, ZoneId.of(zone));
                    assertThat(comparable(new StoreAnalyticsCalculator(dbStore.analytics(), clock).calculate(q)))
                            .as("%d days in %s", days, zone)
                            .isEqualTo(comparable(new StoreAnalyticsCalculator(memoryStore.analytics(), clock)
                                    .calculate(q)));
                }
            }
        }
    }

    /** A call on one Parley with the chat's session id and id there. */
    interface CallOn {
        void run(Parley parley, String sessionId, long chatId);
    }

    /** The report with the best-rated chats named by visitor instead of by the store's id. */
    private static List<Object> comparable(AnalyticsReport r) {
        return List.of(r.from(), r.to(), r.summary(), r.departmentStats(), r.dailyVolume(), r.ratingDistribution(),
                r.topRatedChats().stream().map(c -> c.visitorName() + "/" + c.rating() + "/" + c.createdAt()).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollupsStayExactAsChatsChangeAfterCreation(DatabaseKind kind) throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.of(kind);
        Twins twins = new Twins(database.emptyStore());
        Random random = new Random(11);
        int chats = 120;
        for (int i = 0; i < chats; i++) {
            twins.clock.set(END.minusSeconds(60 + random.nextInt(10 * 86_400)));
            twins.start("Visitor " + i, DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
        }
        twins.clock.set(END.minusSeconds(3_600));
        for (int step = 0; step < 600; step++) {
            int chat = random.nextInt(chats);
            twins.clock.advance(Duration.ofSeconds(1 + random.nextInt(5)));
            switch (random.nextInt(7)) {
                case 0 -> twins.both(chat, (p, s, id) -> p.chats().postVisitorMessage(VisitorMessage.text(s, "more")));
                case 1 -> twins.both(chat, (p, s, id) -> p.chats().postAdminMessage(AdminMessage.text(id, "ann", "ok")));
                case 2 -> {
                    ChatStatus status = random.nextBoolean() ? ChatStatus.RESOLVED : ChatStatus.CLOSED;
                    twins.both(chat, (p, s, id) -> p.chats().updateChat(ChatUpdate.status(id, status)));
                }
                case 3 -> twins.both(chat, (p, s, id) -> p.chats().updateChat(ChatUpdate.status(id,
                        ChatStatus.ACTIVE)));
                case 4 -> {
                    int rating = 1 + random.nextInt(5);
                    twins.both(chat, (p, s, id) -> p.chats().rateChat(s, rating, null));
                }
                case 5 -> {
                    String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
                    twins.both(chat, (p, s, id) -> p.chats().updateChat(
                            new ChatUpdate(id, null, department, null, false)));
                }
                default -> twins.both(chat, (p, s, id) -> p.chats().postVisitorMessage(
                        VisitorMessage.text(s, "reopen?")));
            }
        }
        assertThat(twins.memoryStore.analytics().totals(END.minus(Duration.ofDays(30)), END).ratedChats())
                .as("the dataset has ratings").isPositive();
        twins.assertSameReports();
        assertRollupEqualsChats(database.dataSource, "parley_");

        for (ChatStore store : List.of(twins.memoryStore, twins.dbStore)) {
            assertThat(store.chats().moveDepartment("technical", "sales")).isPositive();
            store.transactions().run(() -> {
                store.chats().moveDepartment("finance", "billing");
                store.chats().moveDepartment("billing", "general");
            });
        }
        twins.assertSameReports();
        assertRollupEqualsChats(database.dataSource, "parley_");
        assertThat(database.queryLong("SELECT COUNT(*) FROM parley_chat_rollup WHERE department IN"
                + " ('technical', 'finance', 'billing')")).as("emptied rows are deleted").isZero();

        Instant from = END.minus(Duration.ofDays(4)).plusSeconds(437);
        Instant to = END.minusSeconds(1_234).plusNanos(5_000);
        assertThat(twins.dbStore.analytics().totals(from, to)).as("bounds inside a quarter hour")
                .isEqualTo(twins.memoryStore.analytics().totals(from, to));
        Instant late = END.minusSeconds(100);
        assertThat(twins.dbStore.analytics().totals(late, late.plusSeconds(200))).as("less than a quarter hour")
                .isEqualTo(twins.memoryStore.analytics().totals(late, late.plusSeconds(200)));
        ZoneId twentyMinutes = ZoneOffset.ofHoursMinutes(0, 20);
        assertThat(twins.dbStore.analytics().dailyVolume(from, to, twentyMinutes)).as("an offset of no quarter hour")
                .isEqualTo(twins.memoryStore.analytics().dailyVolume(from, to, twentyMinutes));
        Instant midnight = Instant.parse("2025-10-30T00:00:00Z");
        assertThat(twins.dbStore.analytics().dailyVolume(midnight, END, twentyMinutes))
                .isEqualTo(twins.memoryStore.analytics().dailyVolume(midnight, END, twentyMinutes));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void chatsCreatedAtOnceInANewQuarterHourCountOnce(DatabaseKind kind) throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.of(kind);
        ChatStore store = database.emptyStore();
        int threads = 8;
        int rounds = 10;
        Together.run(threads, t -> () -> {
            for (int r = 0; r < rounds; r++) {
                store.chats().insert(Chat.builder().sessionId(String.format("%032d", t * 1_000 + r))
                        .visitorName("V" + t).department("sales").createdAt(END.plusSeconds(900L * r + t)).build());
            }
            return null;
        });

        assertRollupEqualsChats(database.dataSource, "parley_");
        assertThat(database.queryLong("SELECT SUM(total) FROM parley_chat_rollup")).isEqualTo(threads * rounds);
        assertThat(database.queryLong("SELECT COUNT(*) FROM parley_chat_rollup")).isEqualTo(rounds);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theMigrationBackfillsTheRollupsOfExistingChatsExactly(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            try (JpaChatStore store = JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS)) {
                Twins twins = new Twins(store);
                Random random = new Random(7);
                for (int i = 0; i < 80; i++) {
                    twins.clock.set(END.minusSeconds(60 + random.nextInt(5 * 86_400)));
                    twins.start("Visitor " + i, DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
                    twins.clock.advance(Duration.ofSeconds(30 + random.nextInt(3_000)));
                    twins.both(i, (p, s, id) -> p.chats().postAdminMessage(AdminMessage.text(id, "ann", "ok")));
                    if (random.nextBoolean()) {
                        twins.clock.advance(Duration.ofMinutes(1 + random.nextInt(100)));
                        twins.both(i, (p, s, id) -> p.chats().updateChat(ChatUpdate.status(id, ChatStatus.RESOLVED)));
                        int rating = 1 + random.nextInt(5);
                        twins.both(i, (p, s, id) -> p.chats().rateChat(s, rating, null));
                    }
                }
                twins.clock.set(END);
                // The chats as a database had them before V002: no rollup table, no history row for it.
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP TABLE parley_chat_rollup");
                    s.execute("DROP INDEX parley_chat_rating_idx");
                    s.execute("DELETE FROM parley_schema_history WHERE version = 2");
                }
                assertThat(new SchemaMigrator(ds, "parley_").migrate()).extracting(SchemaMigrator.Migration::version)
                        .containsExactly(2);
                assertThat(count(ds, "SELECT COUNT(*) FROM parley_chat_rollup")).isPositive();
                assertRollupEqualsChats(ds, "parley_");
                twins.assertSameReports();
            }
        }
    }

    /** Every rollup row equals the aggregate over its chats, and there is a row for each (quarter hour, department). */
    static void assertRollupEqualsChats(DataSource ds, String prefix) throws SQLException {
        String columns = String.join(", ", ChatRollups.COLUMNS);
        Map<String, List<Long>> rollup = rows(ds, "SELECT bucket_start, department, " + columns + " FROM " + prefix
                + "chat_rollup");
        Map<String, List<Long>> raw = rows(ds, "SELECT s - MOD(MOD(s, 900) + 900, 900), department, "
                + ChatRollups.RAW_SUMS + " FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT) AS s, c.*"
                + " FROM " + prefix + "chat c) x GROUP BY s - MOD(MOD(s, 900) + 900, 900), department");
        assertThat(raw).isNotEmpty();
        assertThat(rollup).isEqualTo(raw);
    }

    private static Map<String, List<Long>> rows(DataSource ds, String sql) throws SQLException {
        Map<String, List<Long>> result = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                long[] values = new long[n - 2];
                for (int i = 3; i <= n; i++) {
                    values[i - 3] = rs.getLong(i);
                }
                result.put(rs.getLong(1) + "/" + rs.getString(2), Arrays.stream(values).boxed().toList());
            }
        }
        return result;
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
