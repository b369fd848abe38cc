package dev.parley.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** One database of a run, with the HikariCP pool that Parley and the baseline share. */
final class Database implements AutoCloseable {

    /** The database products measured. */
    enum Kind {
        POSTGRES, H2
    }

    private final Kind kind;
    private final String label;
    private final HikariDataSource pool;

    private Database(Kind kind, String label, HikariDataSource pool) {
        this.kind = kind;
        this.label = label;
        this.pool = pool;
    }

    static Database open(Kind kind, String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("bench-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        HikariDataSource pool = new HikariDataSource(config);
        String version;
        try (Connection c = pool.getConnection()) {
            version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot connect to " + jdbcUrl, e);
        }
        return new Database(kind, version, pool);
    }

    Kind kind() {
        return kind;
    }

    boolean isPostgres() {
        return kind == Kind.POSTGRES;
    }

    /** Product and version, e.g. "PostgreSQL 14.10". */
    String label() {
        return label;
    }

    /** Short name for tables: "PostgreSQL" or "H2". */
    String shortName() {
        return kind == Kind.POSTGRES ? "PostgreSQL" : "H2";
    }

    DataSource dataSource() {
        return pool;
    }

    int poolSize() {
        return pool.getMaximumPoolSize();
    }

    /** Runs statements in autocommit mode. */
    void execute(String... sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + String.join("; ", sql), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
