package dev.parley.benchmarks;

import dev.parley.chat.Parley;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.jpa.JpaChatStore;
import dev.parley.chat.jpa.JpaStoreOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Opens Parley's store on a benchmark database and assembles Parley over it. */
final class Stores {

    /** Admins of every benchmark: {@code admin-0} … {@code admin-31}, all with an email address, all departments. */
    static final int ADMINS = 32;

    private Stores() {}

    /** The store on this database's pool (the schema is migrated first). */
    static ChatStore open(Database db) {
        return open(db, db.dataSource());
    }

    /** The store on another view of the database (e.g. a {@link StatementCounter}); the schema is migrated. */
    static ChatStore open(Database db, DataSource dataSource) {
        return JpaChatStore.create(dataSource, JpaStoreOptions.DEFAULTS);
    }

    /** The name of the store in the report. */
    static String name() {
        return "chat-jpa (Hibernate " + org.hibernate.Version.getVersionString() + ")";
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
