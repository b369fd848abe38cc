package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.jpa.entity.ParleyEntities;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.jpa.schema.SchemaMigrator;
import dev.parley.chat.jpa.schema.TablePrefix;
import dev.parley.chat.jpa.schema.TablePrefixNamingStrategy;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.Append;
import dev.parley.chat.store.ArticleRecords;
import dev.parley.chat.store.AssignmentRecords;
import dev.parley.chat.store.ChatRecords;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.DepartmentRecords;
import dev.parley.chat.store.EventRecords;
import dev.parley.chat.store.FileRecords;
import dev.parley.chat.store.CannedResponseRecords;
import dev.parley.chat.store.HoursRecords;
import dev.parley.chat.store.MessageRecords;
import dev.parley.chat.store.OutboxRecords;
import dev.parley.chat.store.PresenceRecords;
import dev.parley.chat.store.Transactions;
import dev.parley.chat.store.WebhookRecords;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parley {@link ChatStore} on JPA with Hibernate, for PostgreSQL and H2.
 *
 * <p>Either over the host's {@link EntityManagerFactory} (which must manage the entities of
 * {@code dev.parley.chat.jpa.entity}, see {@link ParleyEntities}), or, for plain-Java hosts, over one it builds
 * from a {@link DataSource} with {@link #create}. Each transaction of the store uses its own entity manager and a
 * resource-local transaction bound to the calling thread.
 */
public final class JpaChatStore implements ChatStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JpaChatStore.class);

    private final EntityManagerFactory emf;
    private final boolean ownsFactory;
    private final DatabaseKind kind;
    private final JpaTransactions tx;
    private final JpaChats chats;
    private final JpaArticles articles;
    private final JpaPresence presence;
    private final JpaHours hours;
    private final JpaCannedResponses canned;
    private final JpaOutbox outbox;
    private final JpaAnalytics analytics;
    private final RollupRebuilds rebuilds;
    private final @Nullable MessageAppends appends;
    private final JpaEvents events;
    private final JpaAssignment assignment;

    /** A store over the host's entity manager factory with the {@linkplain JpaStoreOptions#DEFAULTS defaults}. */
    public JpaChatStore(EntityManagerFactory emf) {
        this(emf, JpaStoreOptions.DEFAULTS);
    }

    /**
     * A store over the host's entity manager factory. When {@code options.migrate()} is on, the schema migrations
     * run first through the factory's data source. The factory must map Parley's tables with the options' prefix
     * (see {@link TablePrefixNamingStrategy}); the host keeps the factory open and closes it.
     */
    public JpaChatStore(EntityManagerFactory emf, JpaStoreOptions options) {
        this(emf, options, false, options.migrate());
    }

    private JpaChatStore(EntityManagerFactory emf, JpaStoreOptions options, boolean ownsFactory, boolean migrate) {
        Objects.requireNonNull(emf, "emf");
        Objects.requireNonNull(options, "options");
        SessionFactoryImplementor factory = emf.unwrap(SessionFactoryImplementor.class);
        this.emf = factory;
        this.ownsFactory = ownsFactory;
        FactoryMapping mapping = FactoryMapping.of(factory, options.tablePrefix());
        this.kind = mapping.kind();
        String qualifier = mapping.qualifier();
        if (migrate) {
            new SchemaMigrator(FactoryMapping.dataSourceOf(factory), options.tablePrefix()).migrate();
        }
        Tables tables = new Tables(kind, qualifier, options.tablePrefix());
        ChatRollups rollups = new ChatRollups(tables, options.reportZone());
        this.rebuilds = new RollupRebuilds(tables, rollups);
        this.tx = new JpaTransactions(factory, rollups::beforeCommit);
        RecentChats recent = new RecentChats();
        this.chats = new JpaChats(tx, tables, rollups, recent);
        this.articles = new JpaArticles(tx, tables);
        this.presence = new JpaPresence(tx, tables);
        this.hours = new JpaHours(tx, tables);
        this.canned = new JpaCannedResponses(tx, tables);
        this.outbox = new JpaOutbox(tx, tables);
        this.analytics = new JpaAnalytics(tx, tables, rollups);
        this.events = new JpaEvents(tx, tables);
        this.assignment = new JpaAssignment(tx, tables);
        this.appends = kind == DatabaseKind.POSTGRESQL ? new MessageAppends(
                factory.getServiceRegistry().requireService(ConnectionProvider.class), tables, rollups, recent)
                : null;
        rebuilds.prepare(tx);
        log.info("Parley JPA store ready on {} (tables {}*, analytics days in {})", kind,
                qualifier + options.tablePrefix(), options.reportZone().getId());
    }

    /**
     * A store for plain-Java hosts over its own Hibernate entity manager factory on the data source: applies the
     * migrations first (unless switched off), then builds the factory (validating the schema unless switched off).
     * {@link #close()} closes that factory; the data source stays the host's.
     */
    public static JpaChatStore create(DataSource dataSource, JpaStoreOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (options.migrate()) {
            new SchemaMigrator(dataSource, options.tablePrefix()).migrate();
        }
        EntityManagerFactory emf;
        try {
            emf = persistenceConfiguration(dataSource, options).createEntityManagerFactory();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SchemaManagementException) {
                    throw new IllegalStateException("Parley's tables do not match its entities: " + t.getMessage()
                            + "; apply the migrations (migrate=true, or the SQL of SchemaMigrator.exportSql)", e);
                }
            }
            throw e;
        }
        try {
            return new JpaChatStore(emf, options, true, false);
        } catch (RuntimeException e) {
            emf.close();
            throw e;
        }
    }

    /**
     * The Hibernate configuration {@link #create} uses, for hosts that want to add settings (statistics, a second
     * level cache, …) before calling {@code createEntityManagerFactory()} and passing the factory to
     * {@link #JpaChatStore(EntityManagerFactory, JpaStoreOptions)}. It does not run the migrations.
     */
    public static HibernatePersistenceConfiguration persistenceConfiguration(DataSource dataSource,
            JpaStoreOptions options) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("parley")
                .managedClasses(ParleyEntities.CLASSES)
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.HBM2DDL_AUTO, options.validateSchema() ? "validate" : "none");
        hibernateProperties(options.tablePrefix()).forEach(config::property);
        return config;
    }

    /**
     * The Hibernate properties Parley wants in any entity manager factory that maps its entities: the naming
     * strategy for the prefix (only when it is not the default) and JDBC batching. A host with its own naming
     * strategy wraps it instead: {@code new TablePrefixNamingStrategy(prefix, hostStrategy)}.
     */
    public static Map<String, Object> hibernateProperties(String tablePrefix) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (!TablePrefix.check(tablePrefix).equals(TablePrefix.DEFAULT)) {
            p.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new TablePrefixNamingStrategy(tablePrefix));
        }
        p.put(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        p.put(AvailableSettings.ORDER_INSERTS, true);
        p.put(AvailableSettings.ORDER_UPDATES, true);
        return p;
    }

    /** The database this store runs on. */
    public DatabaseKind databaseKind() {
        return kind;
    }

    @Override
    public Transactions transactions() {
        return tx;
    }

    @Override
    public ChatRecords chats() {
        return chats;
    }

    @Override
    public MessageRecords messages() {
        return new JpaMessages(tx); // stateless over the transactions
    }

    /**
     * On PostgreSQL, outside a transaction of the store: reads the chat and writes the message, the chat and its
     * rollup differences in one statement that applies only while the chat is unchanged (see
     * {@link MessageAppends}); otherwise, and when the chat keeps changing under that, under the chat's row lock.
     */
    @Override
    public Optional<Append> appendMessage(String sessionId, Function<Chat, Optional<Append>> next) {
        if (appends == null || tx.active()) {
            return ChatStore.super.appendMessage(sessionId, next);
        }
        return appends.append(sessionId, next, a -> List.of(), () -> ChatStore.super.appendMessage(sessionId, next));
    }

    /** As {@link #appendMessage(String, Function)}, with the events in the same statement or transaction. */
    @Override
    public Optional<Append> appendMessage(String sessionId, Function<Chat, Optional<Append>> next,
            Function<Append, List<EventRecords.Draft>> events) {
        if (appends == null || tx.active()) {
            return ChatStore.super.appendMessage(sessionId, next, events);
        }
        return appends.append(sessionId, next, events,
                () -> ChatStore.super.appendMessage(sessionId, next, events));
    }

    @Override
    public DepartmentRecords departments() {
        return new JpaDepartments(tx); // stateless over the transactions
    }

    @Override
    public ArticleRecords articles() {
        return articles;
    }

    @Override
    public HoursRecords hours() {
        return hours;
    }

    @Override
    public CannedResponseRecords cannedResponses() {
        return canned;
    }

    @Override
    public PresenceRecords presence() {
        return presence;
    }

    @Override
    public OutboxRecords outbox() {
        return outbox;
    }

    @Override
    public WebhookRecords webhooks() {
        return new JpaWebhooks(tx); // stateless over the transactions
    }

    @Override
    public FileRecords files() {
        return new JpaFiles(tx); // stateless over the transactions
    }

    @Override
    public AnalyticsQueries analytics() {
        return analytics;
    }

    @Override
    public EventRecords events() {
        return events;
    }

    @Override
    public AssignmentRecords assignment() {
        return assignment;
    }

    /**
     * Rebuilds the analytics rollups (the quarter-hour and the daily rows) from the chat table. Needed only after
     * chats were written around the store, e.g. loaded with {@code COPY} or changed by hand SQL; the store keeps them
     * exact itself. On PostgreSQL, writers wait for the rebuild (a table lock) and are not lost.
     */
    public void rebuildRollups() {
        rebuilds.rebuild(tx);
    }

    /** Closes the entity manager factory when {@link #create} built it; a host's factory stays open. */
    @Override
    public void close() {
        if (ownsFactory && emf.isOpen()) {
            emf.close();
        }
    }
}
