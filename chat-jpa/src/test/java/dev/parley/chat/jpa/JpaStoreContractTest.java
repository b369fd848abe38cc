package dev.parley.chat.jpa;

import dev.parley.chat.store.ChatStore;
import dev.parley.chat.tck.AbstractChatStoreContractTest;
import org.junit.jupiter.api.Nested;

/** The whole contract suite of {@code chat-tck}, once on H2 and once on PostgreSQL. */
class JpaStoreContractTest {

    @Nested
    class OnH2 extends AbstractChatStoreContractTest {
        @Override
        protected ChatStore newStore() {
            return TestDatabases.h2().emptyStore();
        }
    }

    @Nested
    class OnPostgres extends AbstractChatStoreContractTest {
        @Override
        protected ChatStore newStore() {
            return TestDatabases.postgres().emptyStore();
        }
    }
}
