package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.store.ChatContribution;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SQL rebuild of the rollups ({@link RollupRebuilds}, whose sums over the chat table {@link RollupColumn}
 * generates) agrees with the core's one definition of what a chat contributes: over a few thousand varied chats
 * (every status, every rating or none, with and without response and resolution times, five departments, three weeks
 * around the end of daylight saving time in the report zone), every rebuilt row equals the sum of
 * {@link ChatContribution#of(Chat)} over its chats, at both granularities.
 */
class RollupRebuildTest {

    private static final int CHATS = 3_000;
    private static final Instant END = Instant.parse("2025-11-12T08:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final List<String> DEPARTMENTS = List.of("general", "sales", "technical", "finance", "billing");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theRebuiltRowsAreTheSumsOfTheCoresContributions(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind);
             JpaChatStore store = JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withReportZone(ZONE))) {
            List<Chat> chats = insertVariedChats(store, new Random(13));
            assertThat(chats).extracting(Chat::status).containsAll(EnumSet.allOf(ChatStatus.class));
            assertThat(chats).extracting(Chat::rating).contains(null, 1, 2, 3, 4, 5);
            assertThat(chats).extracting(Chat::responseTime).contains((Long) null);
            assertThat(chats).extracting(Chat::resolutionTime).contains((Long) null);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM parley_chat_rollup");
            }

            store.rebuildRollups();

            Map<String, ChatContribution> quarters = new HashMap<>();
            Map<String, ChatContribution> days = new HashMap<>();
            for (Chat chat : chats) {
                quarters.merge(RollupTest.quarterKey(chat.createdAt(), chat.department()), ChatContribution.of(chat),
                        ChatContribution::plus);
                days.merge(RollupTest.dayKey(chat.createdAt(), ZONE, chat.department(), chat.id()),
                        ChatContribution.of(chat), ChatContribution::plus);
            }
            assertThat(quarters.values().stream().reduce(ChatContribution.ZERO, ChatContribution::plus).total())
                    .isEqualTo(CHATS);
            assertThat(RollupTest.quarterRows(ds, "parley_")).as("quarter hours").isEqualTo(quarters);
            assertThat(RollupTest.dayRows(ds, "parley_")).as("days").isEqualTo(days);
        }
    }

    /** Inserts the chats in batches of a transaction each; answers them as stored. */
    private static List<Chat> insertVariedChats(JpaChatStore store, Random random) {
        List<Chat> chats = new ArrayList<>();
        Set<String> sessions = new HashSet<>();
        for (int batch = 0; batch < CHATS / 500; batch++) {
            store.transactions().run(() -> {
                for (int i = 0; i < 500; i++) {
                    String session;
                    do {
                        session = Long.toHexString(random.nextLong() | Long.MIN_VALUE).repeat(2);
                    } while (!sessions.add(session));
                    chats.add(store.chats().insert(variedChat(random, session)));
                }
            });
        }
        return chats;
    }

    private static Chat variedChat(Random random, String session) {
        Instant created = END.minusSeconds(random.nextInt(21 * 86_400)).minusMillis(random.nextInt(1_000));
        ChatStatus status = ChatStatus.values()[random.nextInt(ChatStatus.values().length)];
        Long response = random.nextInt(3) == 0 ? null : (long) random.nextInt(7_200);
        Long resolution = status.isResolved() && random.nextInt(4) != 0 ? (long) random.nextInt(86_400) : null;
        Integer rating = status.isResolved() && random.nextBoolean() ? 1 + random.nextInt(5) : null;
        long visitor = 1 + random.nextInt(20);
        long admin = response == null ? 0 : random.nextInt(20);
        return Chat.builder().sessionId(session).visitorName("Visitor").department(DEPARTMENTS.get(
                        random.nextInt(DEPARTMENTS.size()))).status(status).createdAt(created).updatedAt(created)
                .firstResponseAt(response == null ? null : created.plusSeconds(response)).responseTime(response)
                .resolvedAt(resolution == null ? null : created.plusSeconds(resolution)).resolutionTime(resolution)
                .rating(rating)
                .analytics(new ChatAnalytics(visitor + admin, visitor, admin, 0, 0, null, null, null, null, null))
                .build();
    }
}
