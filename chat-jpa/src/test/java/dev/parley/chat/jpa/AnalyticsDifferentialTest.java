package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
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
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import dev.parley.chat.tck.MutableClock;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same random dataset (5,000 chats over 90 days: messages, replies, departments, statuses, reopenings,
 * ratings) built through the core on the in-memory store, copied into each database, gives identical reports for
 * several windows and time zones. The window ends on a day after the start of daylight saving time in Los Angeles.
 * Each database runs with the report zone UTC and, in a second database, America/Los_Angeles: a report in the store's
 * report zone reads its daily rollup rows, one in another zone its quarter-hour rows (and the daily rows of the whole
 * report-zone days inside its window).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsDifferentialTest {

    private static final int CHATS = 5_000;
    private static final Instant END = Instant.parse("2025-03-31T18:45:00Z");
    private static final List<String> DEPARTMENTS = List.of("general", "sales", "technical", "finance");
    private static final List<Admin> ADMINS = List.of(
            new Admin("ann", "Ann", null, "agent", Set.of()),
            new Admin("ben", "Ben", null, "agent", Set.of("sales")));
    private static final List<ZoneId> REPORT_ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/Los_Angeles"));

    private final MutableClock clock = new MutableClock(END);
    private final InMemoryChatStore memory = new InMemoryChatStore();
    private final Map<String, Loaded> loaded = new HashMap<>();

    /** A database holding the dataset: its store, its data source, memory id → database id. */
    private record Loaded(JpaChatStore store, DataSource dataSource, Map<Long, Long> ids,
            @Nullable HikariDataSource owned) {}

    @BeforeAll
    void buildTheDatasetThroughTheCore() {
        Parley parley = Parley.builder().store(memory).clock(clock).admins(AdminDirectory.of(ADMINS))
                .settings(ParleySettings.DEFAULTS.withAnalyticsCacheTtl(Duration.ZERO)).build();
        Random random = new Random(20250331L);
        long span = Duration.ofDays(90).toSeconds();
        for (int i = 0; i < CHATS; i++) {
            Instant at = END.minusSeconds(1 + (long) (random.nextDouble() * span));
            clock.set(at);
            PostedMessage first = parley.chats().startChat(new StartChat("Visitor " + i, null, null,
                    DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())), "Hello " + i));
            long chatId = first.chat().id();
            int visitorMessages = random.nextInt(4);
            for (int m = 0; m < visitorMessages; m++) {
                clock.advance(Duration.ofSeconds(5 + random.nextInt(600)));
                parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), "More " + m));
            }
            int replies = random.nextInt(10) < 7 ? 1 + random.nextInt(3) : 0;
            for (int r = 0; r < replies; r++) {
                clock.advance(Duration.ofSeconds(1 + random.nextInt(3_600)));
                parley.chats().postAdminMessage(AdminMessage.text(chatId, "ann", "Answer " + r));
            }
            int fate = random.nextInt(10);
            if (fate >= 3) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(2_000)));
                ChatStatus end = fate >= 8 ? ChatStatus.CLOSED : ChatStatus.RESOLVED;
                parley.chats().updateChat(ChatUpdate.status(chatId, end));
                if (end == ChatStatus.RESOLVED && random.nextInt(10) == 0) {
                    clock.advance(Duration.ofMinutes(5));
                    parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), "Reopened"));
                } else if (random.nextInt(10) < 6) {
                    parley.chats().rateChat(first.sessionId(), 1 + random.nextInt(5), random.nextBoolean()
                            ? null : "Comment " + i);
                }
            }
        }
        clock.set(END);
    }

    @AfterAll
    void closeTheExtraDatabases() {
        for (Loaded l : loaded.values()) {
            if (l.owned() != null) {
                l.store().close();
                l.owned().close();
            }
        }
    }

    static Stream<Arguments> windows() {
        List<Arguments> cases = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            for (ZoneId reportZone : REPORT_ZONES) {
                for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Kolkata")) {
                    for (int days : List.of(1, 7, 30, 90, 365)) {
                        cases.add(Arguments.of(kind, reportZone, days, ZoneId.of(zone)));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, report zone {1}: {2} days in {3}")
    @MethodSource("windows")
    void theDatabaseComputesTheSameReportAsTheCoreInMemory(DatabaseKind kind, ZoneId reportZone, int days,
            ZoneId zone) {
        Loaded target = loaded.computeIfAbsent(kind + "/" + reportZone, k -> load(kind, reportZone));
        AnalyticsQuery query = new AnalyticsQuery(days, zone);

        AnalyticsReport expected = new StoreAnalyticsCalculator(memory.analytics(), clock).calculate(query);
        AnalyticsReport actual = new StoreAnalyticsCalculator(target.store().analytics(), clock).calculate(query);

        if (days == 365) {
            assertThat(expected.summary().totalChats()).as("the dataset is the size asked for").isEqualTo(CHATS);
            assertThat(expected.ratingDistribution().values()).allMatch(n -> n > 100);
            assertThat(expected.summary().activeChats()).isPositive();
            assertThat(expected.departmentStats()).hasSize(DEPARTMENTS.size());
        }
        if (days >= 7) {
            assertThat(expected.summary().totalChats()).isPositive();
        }
        assertThat(actual).isEqualTo(withDatabaseIds(expected, target.ids()));
    }

    /** The dataset in the shared database (report zone UTC) or in a fresh one with another report zone. */
    private Loaded load(DatabaseKind kind, ZoneId reportZone) {
        Loaded target;
        if (reportZone.equals(JpaStoreOptions.DEFAULTS.reportZone())) {
            TestDatabases.TestDatabase database = TestDatabases.of(kind);
            target = new Loaded(database.emptyStore(), database.dataSource, new HashMap<>(), null);
        } else {
            HikariDataSource ds = TestDatabases.fresh(kind);
            target = new Loaded(JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withReportZone(reportZone)), ds,
                    new HashMap<>(), ds);
        }
        copyInto(target.store(), target.ids());
        try {
            RollupTest.assertRollupEqualsChats(target.dataSource(), "parley_", reportZone);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    /**
     * Copies every chat and message into the empty database, a thousand chats per transaction (JDBC batches of
     * 50 inserts), noting memory id → database id.
     */
    private void copyInto(ChatStore store, Map<Long, Long> ids) {
        for (long first = 1; first <= CHATS; first += 1_000) {
            long from = first;
            store.transactions().run(() -> {
                for (long id = from; id < from + 1_000 && id <= CHATS; id++) {
                    Chat chat = memory.chats().find(id).orElseThrow();
                    Chat copy = store.chats().insert(chat.edit().id(0).build());
                    ids.put(id, copy.id());
                    for (ChatMessage m : memory.messages().list(id, null, null, 1_000)) {
                        store.messages().insert(new ChatMessage(0, copy.id(), m.sender(), m.senderId(),
                                m.message(), m.messageType(), m.fileUrl(), m.fileName(), m.fileSize(),
                                m.createdAt(), m.readAt()));
                    }
                }
            });
        }
    }

    private static AnalyticsReport withDatabaseIds(AnalyticsReport r, Map<Long, Long> ids) {
        return new AnalyticsReport(r.days(), r.zone(), r.from(), r.to(), r.summary(), r.departmentStats(),
                r.dailyVolume(), r.ratingDistribution(), r.topRatedChats().stream()
                        .map(c -> new AnalyticsReport.RatedChat(ids.get(c.chatId()), c.visitorName(), c.department(),
                                c.rating(), c.ratingComment(), c.createdAt()))
                        .toList());
    }
}
