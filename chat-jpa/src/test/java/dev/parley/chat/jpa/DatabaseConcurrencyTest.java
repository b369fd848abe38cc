package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.jpa.TestDatabases.TestDatabase;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.tck.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writers racing on the same rows of a real database, through the core services. */
class DatabaseConcurrencyTest {

    private static final int ADMINS = 20;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:00:00Z"));
    private Parley parley;

    private Parley parleyOn(TestDatabase db) {
        List<Admin> admins = new ArrayList<>();
        for (int i = 0; i < ADMINS; i++) {
            admins.add(new Admin("admin-" + i, "Admin " + i, null, "agent", Set.of()));
        }
        parley = Parley.builder().store(db.emptyStore()).clock(clock).admins(AdminDirectory.of(admins)).build();
        return parley;
    }

    @AfterEach
    void close() {
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    void sixteenThreadsPostingFiveHundredMessagesEachToOneChatLoseNothing() throws Exception {
        Parley p = parleyOn(TestDatabases.postgres());
        PostedMessage first = p.chats().startChat(new StartChat("Ada", null, null, null, "Hello"));
        int threads = 16;
        int each = 500;

        Together.run(threads, t -> () -> {
            for (int i = 0; i < each; i++) {
                p.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), "thread " + t + " message " + i));
            }
            return null;
        });

        long chatId = first.chat().id();
        List<ChatMessage> messages = p.store().messages().list(chatId, null, null, 100_000);
        int total = 1 + threads * each;
        assertThat(messages).hasSize(total);
        assertThat(messages).extracting(ChatMessage::id).doesNotHaveDuplicates().isSorted();
        assertThat(messages).extracting(ChatMessage::message).doesNotHaveDuplicates();
        assertThat(p.store().messages().count(chatId)).isEqualTo(total);
        ChatAnalytics analytics = p.chats().getChat(chatId).analytics();
        assertThat(analytics.totalMessages()).isEqualTo(total);
        assertThat(analytics.visitorMessages()).isEqualTo(total);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoSimultaneousRatingsOfOneChatAcceptExactlyOne(DatabaseKind kind) throws Exception {
        Parley p = parleyOn(TestDatabases.of(kind));
        for (int round = 0; round < 10; round++) {
            PostedMessage posted = p.chats().startChat(new StartChat("Ada " + round, null, null, null, "Hi"));
            p.chats().updateChat(ChatUpdate.status(posted.chat().id(), ChatStatus.RESOLVED));

            List<String> outcomes = Together.run(2, t -> () -> {
                try {
                    p.chats().rateChat(posted.sessionId(), 4 + t, "thread " + t);
                    return "rated";
                } catch (ParleyException e) {
                    return e.code().name();
                }
            });

            assertThat(outcomes).containsExactlyInAnyOrder("rated", ErrorCode.CONFLICT.name());
            assertThat(p.chats().getChat(posted.chat().id()).rating()).isIn(4, 5);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void simultaneousFirstHeartbeatsOfOneAdminNeverCreateTwoRows(DatabaseKind kind) throws Exception {
        TestDatabase db = TestDatabases.of(kind);
        Parley p = parleyOn(db);
        for (int i = 0; i < ADMINS; i++) {
            String admin = "admin-" + i;
            Callable<Void> beat = () -> {
                p.presence().heartbeat(admin, Heartbeat.onlineForAll());
                return null;
            };
            Together.run(2, t -> beat);

            assertThat(db.queryLong("SELECT COUNT(*) FROM parley_presence WHERE user_id = '" + admin + "'"))
                    .isEqualTo(1);
        }
        assertThat(p.presence().online(null)).hasSize(ADMINS);
    }
}
