package dev.parley.benchmarks;

import dev.parley.Parley;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.store.ChatStore;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Opens Parley's store (chat-jpa) on a benchmark database and assembles Parley over it.
 *
 * <p>chat-jpa is looked up by name so that this module builds at every stage of the project: where the JPA store is
 * not on the classpath, the database benchmarks say so instead of measuring.
 */
final class Stores {

    /** Admins of every benchmark: {@code admin-0} … {@code admin-31}, all with an email address, all departments. */
    static final int ADMINS = 32;

    private static final String JPA_STORE = "dev.parley.chat.jpa.JpaChatStore";
    private static final String JPA_OPTIONS = "dev.parley.chat.jpa.JpaStoreOptions";

    private Stores() {}

    /** Whether the JPA store is on the classpath. */
    static boolean available() {
        try {
            Class.forName(JPA_STORE);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The store on this database's pool (the schema is migrated first). */
    static ChatStore open(Database db) {
        return open(db, db.dataSource());
    }

    /**
     * {@code JpaChatStore.create(dataSource, JpaStoreOptions.DEFAULTS)} on another view of the database (e.g. a
     * {@link StatementCounter}); the schema is migrated.
     */
    static ChatStore open(Database db, DataSource dataSource) {
        try {
            Class<?> options = Class.forName(JPA_OPTIONS);
            Object defaults = options.getField("DEFAULTS").get(null);
            return (ChatStore) Class.forName(JPA_STORE).getMethod("create", DataSource.class, options)
                    .invoke(null, dataSource, defaults);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("chat-jpa is not on the classpath; " + notAvailable(), e);
        }
    }

    /** Why the database benchmarks cannot run. */
    static String notAvailable() {
        return "the JPA store (`chat-jpa`) is not in this build yet, so there is no Parley store on a database to "
                + "measure";
    }

    /** The name of the store in the report. */
    static String name() {
        if (!available()) {
            return "none (chat-jpa not in this build)";
        }
        try {
            Object version = Class.forName("org.hibernate.Version").getMethod("getVersionString").invoke(null);
            return "chat-jpa (Hibernate " + version + ")";
        } catch (ReflectiveOperationException e) {
            return "chat-jpa";
        }
    }

    /** Parley over the store, with the report cache off, a no-op notification port and {@link #ADMINS} admins. */
    static Parley parley(ChatStore store, Clock clock) {
        List<Admin> admins = new ArrayList<>();
        for (int i = 0; i < ADMINS; i++) {
            admins.add(new Admin("admin-" + i, "Admin " + i, "admin" + i + "@example.com", "agent", Set.of()));
        }
        return Parley.builder().store(store).clock(clock)
                .settings(ParleySettings.DEFAULTS.withAnalyticsCacheTtl(Duration.ZERO))
                .admins(AdminDirectory.of(admins))
                .notificationPort(n -> { })
                .build();
    }
}
