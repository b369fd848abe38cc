package dev.parley.chat.tck;

import dev.parley.chat.store.ChatStore;
import org.junit.jupiter.api.Nested;

/**
 * The contract every {@link ChatStore} adapter passes: the store SPI and the core services end to end over the
 * store. An adapter's test only says how to make an empty store:
 *
 * <pre>{@code
 * class InMemoryChatStoreContractTest extends AbstractChatStoreContractTest {
 *     @Override
 *     protected ChatStore newStore() {
 *         return new InMemoryChatStore();
 *     }
 * }
 * }</pre>
 *
 * <p>To run the suite once per database, nest subclasses (JUnit discovers the {@code @Nested} suites declared here
 * through the subclass, also when the subclass is itself {@code @Nested}):
 *
 * <pre>{@code
 * class JpaChatStoreContractTest {
 *     @Nested
 *     class OnH2 extends AbstractChatStoreContractTest {
 *         @Override
 *         protected ChatStore newStore() { return h2.emptyStore(); }
 *     }
 *
 *     @Nested
 *     class OnPostgres extends AbstractChatStoreContractTest {
 *         @Override
 *         protected ChatStore newStore() { return postgres.emptyStore(); }
 *     }
 * }
 * }</pre>
 *
 * <p>Structure: each capability is an abstract suite of its own file ({@link ChatLifecycleContract},
 * {@link OutboxContract}, …) extending {@link ContractSuite}, which holds the shared fixture. This class binds each
 * of them with a one-line {@code @Nested} inner class, so JUnit creates a fresh instance of the adapter's subclass
 * for every test and the suite asks it for a store. Every test gets a new store from {@link #newStore()}, a
 * {@link MutableClock} standing at {@link ContractSuite#T0}, and a seeded {@code Parley} over the store.
 */
public abstract class AbstractChatStoreContractTest {

    /**
     * A new, EMPTY store (no departments, articles, chats, presence, outbox items or files): called before each
     * test. Parley seeds the default departments and articles into it.
     */
    protected abstract ChatStore newStore();

    /** Called after each test with the store {@link #newStore()} made, e.g. to close it; does nothing by default. */
    protected void releaseStore(ChatStore store) {
        // nothing to release by default
    }

    @Nested
    class Transactions extends TransactionsContract {
        Transactions() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class ChatRecords extends ChatRecordsContract {
        ChatRecords() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class MessageRecords extends MessageRecordsContract {
        MessageRecords() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class StartChat extends StartChatContract {
        StartChat() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class ChatLifecycle extends ChatLifecycleContract {
        ChatLifecycle() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class VisitorMessages extends VisitorMessagesContract {
        VisitorMessages() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class AdminMessages extends AdminMessagesContract {
        AdminMessages() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Assignment extends AssignmentContract {
        Assignment() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Queue extends QueueContract {
        Queue() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class QueueSafety extends QueueSafetyContract {
        QueueSafety() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Notes extends NotesContract {
        Notes() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Transfer extends TransferContract {
        Transfer() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Ratings extends RatingsContract {
        Ratings() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Departments extends DepartmentsContract {
        Departments() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class BusinessHours extends BusinessHoursContract {
        BusinessHours() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class CannedResponses extends CannedResponsesContract {
        CannedResponses() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class KnowledgeBase extends KnowledgeBaseContract {
        KnowledgeBase() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Presence extends PresenceContract {
        Presence() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Notifications extends NotificationsContract {
        Notifications() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Outbox extends OutboxContract {
        Outbox() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class OutboxDispatcher extends OutboxDispatcherContract {
        OutboxDispatcher() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Listing extends ListingContract {
        Listing() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Attachments extends AttachmentsContract {
        Attachments() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Uploads extends UploadsContract {
        Uploads() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Analytics extends AnalyticsContract {
        Analytics() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Events extends EventsContract {
        Events() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class EventLog extends EventLogContract {
        EventLog() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Atomicity extends AtomicityContract {
        Atomicity() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        Concurrency() {
            super(AbstractChatStoreContractTest.this);
        }
    }

    @Nested
    class Webhooks extends WebhooksContract {
        Webhooks() {
            super(AbstractChatStoreContractTest.this);
        }
    }
}
