package dev.parley.chat.tck;

import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.ArticleRecords;
import dev.parley.chat.store.ChatRecords;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.DepartmentRecords;
import dev.parley.chat.store.EventRecords;
import dev.parley.chat.store.FileRecords;
import dev.parley.chat.store.AssignmentRecords;
import dev.parley.chat.store.CannedResponseRecords;
import dev.parley.chat.store.HoursRecords;
import dev.parley.chat.store.MessageRecords;
import dev.parley.chat.store.OutboxRecords;
import dev.parley.chat.store.PresenceRecords;
import dev.parley.chat.store.Transactions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ChatStore} around a real one that throws {@link InjectedFault} from chosen operations, to prove that a
 * failing step rolls back everything before it. Transactions are the real store's, so a fault rolls back real data.
 * Operations are named {@code "<records>.<method>"}, e.g. {@code "outbox.insert"} or {@code "chats.update"}.
 */
public final class FaultInjectingStore implements ChatStore {

    private final ChatStore delegate;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Object>> results = new ConcurrentHashMap<>();

    /** Wraps a store; nothing fails until {@link #failOn} is called. */
    public FaultInjectingStore(ChatStore delegate) {
        this.delegate = delegate;
    }

    /** Makes every later call of the operation throw {@link InjectedFault}. */
    public FaultInjectingStore failOn(String operation) {
        failing.add(operation);
        return this;
    }

    /** What successful calls of the operation answered, oldest first (also those later rolled back). */
    public List<Object> results(String operation) {
        return List.copyOf(results.getOrDefault(operation, List.of()));
    }

    /** Lets every operation through again. */
    public void heal() {
        failing.clear();
    }

    private <T> T wrap(Class<T> type, String name, T target) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            String op = name + "." + method.getName();
            if (failing.contains(op)) {
                throw new InjectedFault(op);
            }
            try {
                Object result = method.invoke(target, args);
                if (result != null) {
                    results.computeIfAbsent(op, k -> new CopyOnWriteArrayList<>()).add(result);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    @Override
    public Transactions transactions() {
        return delegate.transactions();
    }

    @Override
    public ChatRecords chats() {
        return wrap(ChatRecords.class, "chats", delegate.chats());
    }

    @Override
    public MessageRecords messages() {
        return wrap(MessageRecords.class, "messages", delegate.messages());
    }

    @Override
    public DepartmentRecords departments() {
        return wrap(DepartmentRecords.class, "departments", delegate.departments());
    }

    @Override
    public ArticleRecords articles() {
        return wrap(ArticleRecords.class, "articles", delegate.articles());
    }

    @Override
    public HoursRecords hours() {
        return wrap(HoursRecords.class, "hours", delegate.hours());
    }

    @Override
    public CannedResponseRecords cannedResponses() {
        return wrap(CannedResponseRecords.class, "cannedResponses", delegate.cannedResponses());
    }

    @Override
    public AssignmentRecords assignment() {
        return wrap(AssignmentRecords.class, "assignment", delegate.assignment());
    }

    @Override
    public PresenceRecords presence() {
        return wrap(PresenceRecords.class, "presence", delegate.presence());
    }

    @Override
    public OutboxRecords outbox() {
        return wrap(OutboxRecords.class, "outbox", delegate.outbox());
    }

    @Override
    public FileRecords files() {
        return wrap(FileRecords.class, "files", delegate.files());
    }

    @Override
    public AnalyticsQueries analytics() {
        return wrap(AnalyticsQueries.class, "analytics", delegate.analytics());
    }

    @Override
    public EventRecords events() {
        return wrap(EventRecords.class, "events", delegate.events());
    }

    /** The failure a {@link FaultInjectingStore} throws. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates the fault for an operation. */
        public InjectedFault(String operation) {
            super("injected failure in " + operation);
        }
    }
}
