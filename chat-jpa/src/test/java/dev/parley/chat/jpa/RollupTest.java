package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
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
import dev.parley.chat.store.ChatContribution;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import dev.parley.chat.tck.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollup rows stay equal to the sums over the chats, at both granularities, as chats change after they were
 * created (messages, status changes, reopenings, ratings, department changes and moves); the V002/V003 backfills of
 * existing chats are exact; the daily rows are rebuilt when the report zone (or its rules) changed; a report in the
 * report zone reads only the daily rows; and reports equal the in-memory store's in every zone.
 */
class RollupTest {

    private static final Instant END = Instant.parse("2025-11-02T20:15:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final List<String> DEPARTMENTS = List.of("general", "sales", "technical", "finance");
    private static final List<Admin> ADMINS = List.of(new Admin("ann", "Ann", null, "agent", Set.of()));

    /** One Parley on the in-memory store and one on the database, driven with the same calls and clock. */
    private static final class Twins {
        final MutableClock clock = new MutableClock(END);
        final InMemoryChatStore memoryStore = new InMemoryChatStore();
        ChatStore dbStore;
        final Parley memory;
        Parley db;
        final List<String[]> sessions = new ArrayList<>();
        final List<long[]> ids = new ArrayList<>();

        Twins(ChatStore dbStore) {
            this.dbStore = dbStore;
            this.memory = parley(memoryStore);
            this.db = parley(dbStore);
        }

        /** Goes on with another store on the same database (e.g. after a restart with other options). */
        void reopen(ChatStore store) {
            db.close();
            dbStore = store;
            db = parley(store);
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

    /** Each database with the report zone UTC (the shared test database) and Los Angeles (a fresh one). */
    static Stream<Arguments> databasesAndZones() {
        return Stream.of(DatabaseKind.values())
                .flatMap(kind -> Stream.of(Arguments.of(kind, UTC), Arguments.of(kind, LOS_ANGELES)));
    }

    /** A store with this report zone on an empty database, and its data source. */
    private record Target(JpaChatStore store, DataSource dataSource, @Nullable HikariDataSource owned)
            implements AutoCloseable {

        static Target of(DatabaseKind kind, ZoneId zone) {
            if (zone.equals(JpaStoreOptions.DEFAULTS.reportZone())) {
                TestDatabases.TestDatabase database = TestDatabases.of(kind);
                return new Target(database.emptyStore(), database.dataSource, null);
            }
            HikariDataSource ds = TestDatabases.fresh(kind);
            return new Target(JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withReportZone(zone)), ds, ds);
        }

        @Override
        public void close() {
            if (owned != null) {
                store.close();
                owned.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}, report zone {1}")
    @MethodSource("databasesAndZones")
    void rollupsStayExactAsChatsChangeAfterCreation(DatabaseKind kind, ZoneId zone) throws Exception {
        try (Target target = Target.of(kind, zone)) {
            Twins twins = new Twins(target.store());
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
                    case 0 -> twins.both(chat, (p, s, id) -> p.chats().postVisitorMessage(
                            VisitorMessage.text(s, "more")));
                    case 1 -> twins.both(chat, (p, s, id) -> p.chats().postAdminMessage(
                            AdminMessage.text(id, "ann", "ok")));
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
            assertRollupEqualsChats(target.dataSource(), "parley_", zone);

            for (ChatStore store : List.of(twins.memoryStore, twins.dbStore)) {
                assertThat(store.chats().moveDepartment("technical", "sales")).isPositive();
                store.transactions().run(() -> {
                    store.chats().moveDepartment("finance", "billing");
                    store.chats().moveDepartment("billing", "general");
                });
            }
            twins.assertSameReports();
            assertRollupEqualsChats(target.dataSource(), "parley_", zone);
            assertThat(count(target.dataSource(), "SELECT COUNT(*) FROM parley_chat_rollup WHERE department IN"
                    + " ('technical', 'finance', 'billing')")).as("emptied rows are deleted").isZero();
            assertThat(count(target.dataSource(), "SELECT COUNT(DISTINCT stripe) FROM parley_chat_rollup"
                    + " WHERE granularity = 1")).as("a day's chats are spread over stripes").isEqualTo(8);

            Instant from = END.minus(Duration.ofDays(4)).plusSeconds(437);
            Instant to = END.minusSeconds(1_234).plusNanos(5_000);
            assertThat(twins.dbStore.analytics().totals(from, to)).as("bounds inside a quarter hour")
                    .isEqualTo(twins.memoryStore.analytics().totals(from, to));
            Instant late = END.minusSeconds(100);
            assertThat(twins.dbStore.analytics().totals(late, late.plusSeconds(200))).as("less than a quarter hour")
                    .isEqualTo(twins.memoryStore.analytics().totals(late, late.plusSeconds(200)));
            ZoneId twentyMinutes = ZoneOffset.ofHoursMinutes(0, 20);
            assertThat(twins.dbStore.analytics().dailyVolume(from, to, twentyMinutes))
                    .as("an offset of no quarter hour")
                    .isEqualTo(twins.memoryStore.analytics().dailyVolume(from, to, twentyMinutes));
            Instant midnight = Instant.parse("2025-10-30T00:00:00Z");
            assertThat(twins.dbStore.analytics().dailyVolume(midnight, END, twentyMinutes))
                    .isEqualTo(twins.memoryStore.analytics().dailyVolume(midnight, END, twentyMinutes));
        }
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

        assertRollupEqualsChats(database.dataSource, "parley_", UTC);
        for (int granularity : List.of(ChatRollups.QUARTER_HOUR, ChatRollups.DAY)) {
            assertThat(database.queryLong("SELECT SUM(total) FROM parley_chat_rollup WHERE granularity = "
                    + granularity)).isEqualTo(threads * rounds);
        }
        assertThat(database.queryLong("SELECT COUNT(*) FROM parley_chat_rollup WHERE granularity = 0"))
                .isEqualTo(rounds);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theMigrationsAndTheFirstStartBackfillTheRollupsOfExistingChatsExactly(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            try (JpaChatStore store = JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS)) {
                Twins twins = new Twins(store);
                Random random = new Random(7);
                for (int i = 0; i < 80; i++) {
                    twins.clock.set(END.minusSeconds(60 + random.nextInt(5 * 86_400)));
                    twins.start("Visitor " + i, DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
                    twins.clock.advance(Duration.ofSeconds(30 + random.nextInt(3_000)));
                    twins.both(i, (p, s, id) -> p.chats().postAdminMessage(AdminMessage.text(id, "ann", "ok")));
                    resolveAndRateHalfTheTime(twins, random, i);
                }
                twins.clock.set(END);
                // The chats as a database had them before V002: no rollup tables, no history rows for them.
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP TABLE parley_chat_rollup_zone");
                    s.execute("DROP TABLE parley_chat_rollup");
                    s.execute("DROP INDEX parley_chat_rating_idx");
                    s.execute("DELETE FROM parley_schema_history WHERE version IN (2, 3)");
                }
                assertThat(new SchemaMigrator(ds, "parley_").migrate()).extracting(SchemaMigrator.Migration::version)
                        .containsExactly(2, 3);
                assertThat(count(ds, "SELECT COUNT(*) FROM parley_chat_rollup WHERE granularity = 0")).isPositive();
                assertThat(count(ds, "SELECT COUNT(*) FROM parley_chat_rollup WHERE granularity = 1"))
                        .as("the daily rows wait for the store, which knows the zone").isZero();

                // the first start after the migration builds the daily rows in its zone
                twins.reopen(JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withReportZone(LOS_ANGELES)));
                assertThat(zoneRow(ds)).isEqualTo(LOS_ANGELES.getId());
                assertRollupEqualsChats(ds, "parley_", LOS_ANGELES);
                twins.assertSameReports();
                ((JpaChatStore) twins.dbStore).close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDailyRowsAreRebuiltWhenTheReportZoneOrItsRulesChange(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            Twins twins = new Twins(JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS));
            // chats every 40 minutes over four days around the end of daylight saving time in Los Angeles: many
            // of them are on another date in Los Angeles than in UTC
            for (int i = 0; i < 150; i++) {
                twins.clock.set(END.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(40L * i)));
                twins.start("Visitor " + i, DEPARTMENTS.get(i % DEPARTMENTS.size()));
                if (i % 3 == 0) {
                    twins.clock.advance(Duration.ofMinutes(7));
                    twins.both(i, (p, s, id) -> p.chats().postAdminMessage(AdminMessage.text(id, "ann", "ok")));
                }
            }
            twins.clock.set(END);
            assertThat(zoneRow(ds)).isEqualTo("UTC");
            assertRollupEqualsChats(ds, "parley_", UTC);
            Map<String, ChatContribution> utcDays = dayRows(ds, "parley_");

            // a restart with another zone: the UTC rows are replaced by rows of Los Angeles dates
            ((JpaChatStore) twins.dbStore).close();
            twins.reopen(JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withReportZone(LOS_ANGELES)));
            assertThat(zoneRow(ds)).isEqualTo(LOS_ANGELES.getId());
            assertThat(dayRows(ds, "parley_")).isNotEqualTo(utcDays);
            assertRollupEqualsChats(ds, "parley_", LOS_ANGELES);
            twins.assertSameReports();

            // it goes on keeping them exact as chats change and move
            for (int i = 0; i < 150; i += 7) {
                twins.clock.advance(Duration.ofSeconds(30));
                twins.both(i, (p, s, id) -> p.chats().updateChat(ChatUpdate.status(id, ChatStatus.RESOLVED)));
                int chat = i;
                twins.both(i, (p, s, id) -> p.chats().rateChat(s, 1 + chat % 5, null));
            }
            for (ChatStore store : List.of(twins.memoryStore, twins.dbStore)) {
                store.chats().moveDepartment("sales", "general");
            }
            assertRollupEqualsChats(ds, "parley_", LOS_ANGELES);
            twins.assertSameReports();

            // new time-zone data for the same zone: the rows are rebuilt too (here made wrong first, to tell)
            ((JpaChatStore) twins.dbStore).close();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE parley_chat_rollup SET total = total + 1 WHERE granularity = 1");
                s.executeUpdate("UPDATE parley_chat_rollup_zone SET rules = 'older'");
            }
            twins.reopen(JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withReportZone(LOS_ANGELES)));
            assertRollupEqualsChats(ds, "parley_", LOS_ANGELES);
            assertThat(count(ds, "SELECT COUNT(*) FROM parley_chat_rollup_zone WHERE rules = '"
                    + RollupRebuilds.rulesFingerprint(LOS_ANGELES) + "'")).isEqualTo(1);

            // the same zone and rules: nothing to rebuild
            ((JpaChatStore) twins.dbStore).close();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE parley_chat_rollup_zone SET built_at = NULL");
            }
            twins.reopen(JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withReportZone(LOS_ANGELES)));
            assertThat(count(ds, "SELECT COUNT(*) FROM parley_chat_rollup_zone WHERE built_at IS NULL"))
                    .isEqualTo(1);
            ((JpaChatStore) twins.dbStore).close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aReportInTheReportZoneReadsTheDailyRowsAndOtherZonesTheQuarterHours(DatabaseKind kind) throws Exception {
        try (Target target = Target.of(kind, LOS_ANGELES)) {
            Twins twins = new Twins(target.store());
            Random random = new Random(5);
            for (int i = 0; i < 100; i++) {
                twins.clock.set(END.minusSeconds(60 + random.nextInt(8 * 86_400)));
                twins.start("Visitor " + i, DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
                resolveAndRateHalfTheTime(twins, random, i);
            }
            twins.clock.set(END);
            DataSource ds = target.dataSource();

            // without the quarter hours, the reports in the report zone are still exact
            execute(ds, "DELETE FROM parley_chat_rollup WHERE granularity = 0");
            for (int days : List.of(1, 3, 7, 30)) {
                AnalyticsQuery q = new AnalyticsQuery(days, LOS_ANGELES);
                assertThat(comparable(new StoreAnalyticsCalculator(twins.dbStore.analytics(), twins.clock)
                        .calculate(q))).as("%d days", days).isEqualTo(comparable(
                        new StoreAnalyticsCalculator(twins.memoryStore.analytics(), twins.clock).calculate(q)));
            }

            // the store's rebuild restores them (for chats written around the store)
            target.store().rebuildRollups();
            assertRollupEqualsChats(ds, "parley_", LOS_ANGELES);
            twins.assertSameReports();

            // without the daily rows, the daily volume of other zones is still exact
            execute(ds, "DELETE FROM parley_chat_rollup WHERE granularity = 1");
            for (String zone : List.of("UTC", "Asia/Kolkata", "Asia/Kathmandu")) {
                ZoneId z = ZoneId.of(zone);
                Instant from = LocalDate.ofInstant(END, z).minusDays(6).atStartOfDay(z).toInstant();
                Instant to = LocalDate.ofInstant(END, z).plusDays(1).atStartOfDay(z).toInstant();
                assertThat(twins.dbStore.analytics().dailyVolume(from, to, z)).as(zone)
                        .isEqualTo(twins.memoryStore.analytics().dailyVolume(from, to, z)).isNotEmpty();
            }
            twins.db.close();
        }
    }

    /**
     * Every rollup row equals the sum of the core's {@link ChatContribution}s of its chats, and there is a row for
     * each (quarter hour, department) and each (local date in the zone, department, stripe) having chats; the keys
     * are computed here with java.time.
     */
    static void assertRollupEqualsChats(DataSource ds, String prefix, ZoneId zone) throws SQLException {
        Map<String, ChatContribution> quarters = new HashMap<>();
        Map<String, ChatContribution> days = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, created_at, department, status, rating, response_time,"
                     + " resolution_time, total_messages FROM " + prefix + "chat")) {
            while (rs.next()) {
                Instant createdAt = rs.getObject(2, OffsetDateTime.class).toInstant();
                ChatContribution v = ChatContribution.of(ChatStatus.valueOf(rs.getString(4)),
                        rs.getObject(5, Integer.class), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                        rs.getLong(8));
                quarters.merge(quarterKey(createdAt, rs.getString(3)), v, ChatContribution::plus);
                days.merge(dayKey(createdAt, zone, rs.getString(3), rs.getLong(1)), v, ChatContribution::plus);
            }
        }
        assertThat(quarters).isNotEmpty();
        assertThat(quarterRows(ds, prefix)).as("quarter hours").isEqualTo(quarters);
        assertThat(dayRows(ds, prefix)).as("days in %s", zone).isEqualTo(days);
    }

    /** The key of a quarter-hour row as {@link #quarterRows} names it. */
    static String quarterKey(Instant createdAt, String department) {
        return Math.floorDiv(createdAt.getEpochSecond(), 900L) * 900 + "/" + department;
    }

    /** The key of a daily row as {@link #dayRows} names it. */
    static String dayKey(Instant createdAt, ZoneId zone, String department, long chatId) {
        return LocalDate.ofInstant(createdAt, zone).toEpochDay() + "/" + department + "/" + Math.floorMod(chatId, 8);
    }

    static Map<String, ChatContribution> quarterRows(DataSource ds, String prefix) throws SQLException {
        return rows(ds, "SELECT bucket_start, department, " + RollupColumn.NAMES + " FROM " + prefix
                + "chat_rollup WHERE granularity = 0");
    }

    static Map<String, ChatContribution> dayRows(DataSource ds, String prefix) throws SQLException {
        return rows(ds, "SELECT bucket_start, department || '/' || CAST(stripe AS VARCHAR(2)), "
                + RollupColumn.NAMES + " FROM " + prefix + "chat_rollup WHERE granularity = 1");
    }

    private static @Nullable String zoneRow(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT zone FROM parley_chat_rollup_zone")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rows of two key columns and the sums in {@link RollupColumn#ALL} order, by "key1/key2". */
    private static Map<String, ChatContribution> rows(DataSource ds, String sql) throws SQLException {
        Map<String, ChatContribution> result = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<RollupColumn, Long> cells = new EnumMap<>(RollupColumn.class);
                for (RollupColumn col : RollupColumn.ALL) {
                    cells.put(col, rs.getLong(col.column()));
                }
                result.put(rs.getLong(1) + "/" + rs.getString(2), RollupColumn.read(cells::get));
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

    /** Half of the time, the chat is resolved a little later and rated, in both stores. */
    private static void resolveAndRateHalfTheTime(Twins twins, Random random, int i) {
        if (random.nextBoolean()) {
            twins.clock.advance(Duration.ofMinutes(1 + random.nextInt(100)));
            twins.both(i, (p, s, id) -> p.chats().updateChat(ChatUpdate.status(id, ChatStatus.RESOLVED)));
            int rating = 1 + random.nextInt(5);
            twins.both(i, (p, s, id) -> p.chats().rateChat(s, rating, null));
        }
    }
}
