package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves the layout adapters rely on: the suites declared as {@code @Nested} classes of the abstract contract are
 * discovered through a subclass, and also through subclasses that are themselves {@code @Nested} (one per database).
 */
class NestedAdapterLayoutTest {

    /** How an adapter runs the contract on two databases; not run here, only discovered. */
    static class AdapterOnTwoDatabases {
        @Nested
        class OnFirstDatabase extends AbstractChatStoreContractTest {
            @Override
            protected ChatStore newStore() {
                return new InMemoryChatStore();
            }
        }

        @Nested
        class OnSecondDatabase extends AbstractChatStoreContractTest {
            @Override
            protected ChatStore newStore() {
                return new InMemoryChatStore();
            }
        }
    }

    private static long testsIn(Class<?> testClass) {
        TestPlan plan = LauncherFactory.create().discover(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build());
        return plan.countTestIdentifiers(id -> id.isTest());
    }

    @Test
    void nestedSubclassesRunTheWholeSuiteOncePerDatabase() {
        long direct = testsIn(InMemoryChatStoreContractTest.class);
        assertThat(direct).as("every capability suite is discovered through a plain subclass").isGreaterThan(150);
        assertThat(testsIn(AdapterOnTwoDatabases.class)).isEqualTo(2 * direct);
    }
}
