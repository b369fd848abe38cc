package dev.parley.chat.tck.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import dev.parley.chat.tck.AbstractChatStoreContractTest;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Proves the layout adapters rely on, from a package of its own as an adapter's test would be: the suites declared
 * as {@code @Nested} classes of the abstract contract are discovered and run through a subclass, and also through
 * subclasses that are themselves {@code @Nested} (one per database).
 */
class NestedAdapterLayoutTest {

    /** A plain adapter test. */
    static class PlainAdapter extends AbstractChatStoreContractTest {
        @Override
        protected ChatStore newStore() {
            return new InMemoryChatStore();
        }
    }

    /** How an adapter runs the contract on two databases. */
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

    private static long testsIn(DiscoverySelector selector) {
        TestPlan plan = LauncherFactory.create().discover(
                LauncherDiscoveryRequestBuilder.request().selectors(selector).build());
        return plan.countTestIdentifiers(id -> id.isTest());
    }

    @Test
    void nestedSubclassesDiscoverTheWholeSuiteOncePerDatabase() {
        long direct = testsIn(selectClass(PlainAdapter.class));
        assertThat(direct).as("every capability suite is discovered through a plain subclass").isGreaterThan(150);
        assertThat(testsIn(selectClass(AdapterOnTwoDatabases.class))).isEqualTo(2 * direct);
    }

    @Test
    void aSuiteRunsThroughANestedSubclassInAnotherPackage() throws ClassNotFoundException {
        Class<?> transactions = Class.forName(AbstractChatStoreContractTest.class.getName() + "$Transactions");
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedClass(List.of(AdapterOnTwoDatabases.class,
                        AdapterOnTwoDatabases.OnSecondDatabase.class), transactions))
                .build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isGreaterThanOrEqualTo(5);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsFoundCount());
    }
}
