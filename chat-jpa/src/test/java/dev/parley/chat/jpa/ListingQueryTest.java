package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.MessageType;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.Sender;
import dev.parley.chat.jpa.schema.DatabaseKind;
import java.time.Instant;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Listing chats with their latest message costs the same few statements whatever the page size: no N+1. */
class ListingQueryTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPageOfChatsWithTheirLatestMessageTakesTwoStatements(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            JpaStoreOptions options = JpaStoreOptions.DEFAULTS;
            JpaChatStore.create(ds, options).close();
            try (SessionFactory emf = JpaChatStore.persistenceConfiguration(ds, options).collectStatistics(true)
                    .createEntityManagerFactory()) {
                JpaChatStore store = new JpaChatStore(emf, options.withMigrate(false));
                store.transactions().run(() -> {
                    for (int i = 0; i < 60; i++) {
                        Chat chat = store.chats().insert(Chat.builder().sessionId(String.format("%032d", i))
                                .visitorName("Visitor " + i).createdAt(T0).updatedAt(T0.plusSeconds(i)).build());
                        for (int m = 0; m < 3; m++) {
                            store.messages().insert(new ChatMessage(0, chat.id(), Sender.VISITOR, null,
                                    "chat " + i + " message " + m, MessageType.TEXT, null, null, null, T0, null));
                        }
                    }
                });
                Statistics statistics = emf.getStatistics();
                statistics.clear();

                Page<ChatSummary> page = store.chats().list(ChatFilter.ALL, new PageRequest(1, 50));

                assertThat(statistics.getPrepareStatementCount()).as("a count and the page").isEqualTo(2);
                assertThat(page.total()).isEqualTo(60);
                assertThat(page.items()).hasSize(10);
                assertThat(page.items()).allSatisfy(s -> assertThat(s.lastMessage().message())
                        .isEqualTo(s.chat().visitorName().replace("Visitor", "chat") + " message 2"));
                assertThat(page.items().get(0).chat().visitorName()).isEqualTo("Visitor 9");
            }
        }
    }
}
