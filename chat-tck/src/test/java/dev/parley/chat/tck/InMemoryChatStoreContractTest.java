package dev.parley.chat.tck;

import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;

/** The in-memory store passes the whole contract. */
class InMemoryChatStoreContractTest extends AbstractChatStoreContractTest {

    @Override
    protected ChatStore newStore() {
        return new InMemoryChatStore();
    }
}
