package dev.parley.chat.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.jpa.schema.DatabaseKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test databases: one embedded PostgreSQL per test JVM (started on first use, stopped by its shutdown hook) and
 * in-memory H2 databases; each has one shared, migrated store that tests empty before use.
 */
final class TestDatabases {

    private static final AtomicInteger FRESH = new AtomicInteger();

    private TestDatabases() {}

    /** The test database of a kind. */
    static TestDatabase of(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? Postgres.DATABASE : H2.DATABASE;
    }

    /** The shared PostgreSQL test database. */
    static TestDatabase postgres() {
        return Postgres.DATABASE;
    }

    /** The shared H2 test database. */
    static TestDatabase h2() {
        return H2.DATABASE;
    }

    /** A new, empty database of the kind, for tests of the schema itself; close its pool when done. */
    static HikariDataSource fresh(DatabaseKind kind) {
        String name = "fresh" + FRESH.incrementAndGet();
        if (kind == DatabaseKind.H2) {
            return pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", 4);
        }
        try (Connection c = Postgres.SERVER.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool(Postgres.SERVER.getJdbcUrl("postgres", name), "postgres", 4);
    }

    static HikariDataSource pool(String url, String user, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();
        static final TestDatabase DATABASE = new TestDatabase(DatabaseKind.POSTGRESQL,
                pool(SERVER.getJdbcUrl("postgres", "postgres"), "postgres", 24));

        private static EmbeddedPostgres start() {
            try {
                // A throwaway test server: no need to wait for the disk on every commit.
                return EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class H2 {
        static final TestDatabase DATABASE = new TestDatabase(DatabaseKind.H2,
                pool("jdbc:h2:mem:parley;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", 24));
    }

    /** One test database with its shared store. */
    static final class TestDatabase {

        final DatabaseKind kind;
        final HikariDataSource dataSource;
        final JpaChatStore store;

        TestDatabase(DatabaseKind kind, HikariDataSource dataSource) {
            this.kind = kind;
            this.dataSource = dataSource;
            this.store = JpaChatStore.create(dataSource, JpaStoreOptions.DEFAULTS);
        }

        /** The shared store with every table emptied. */
        JpaChatStore emptyStore() {
            String[] tables = {"message", "uploaded_file", "chat", "chat_rollup", "department", "kb_article", "presence", "outbox", "chat_event",
                "canned_response", "agent"};
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                if (kind == DatabaseKind.POSTGRESQL) {
                    s.execute("TRUNCATE TABLE " + String.join(", ", java.util.Arrays.stream(tables)
                            .map(t -> "parley_" + t).toList()));
                } else {
                    for (String t : tables) {
                        s.execute("DELETE FROM parley_" + t);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return store;
        }

        /** The JDBC URL of the database. */
        String jdbcUrl() {
            return dataSource.getJdbcUrl();
        }

        /** Runs SQL and answers the first column of the first row as a long. */
        long queryLong(String sql) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return kind.name();
        }
    }
}
