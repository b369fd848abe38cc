package dev.parley.chat.jpa.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Parley's versioned migration files ({@code db/parley/<database>/V001__init.sql}, …, shipped in this jar)
 * that a database lacks, and records each in the {@code <prefix>schema_history} table.
 *
 * <p>Safe when several nodes start at once: on PostgreSQL every run holds a transaction-scoped advisory lock and
 * applies all pending files in one transaction; on H2 (whose DDL commits at once) a row in
 * {@code <prefix>schema_lock} serialises the runs. A file changed after it was applied stops the run.
 *
 * <p>DBAs who apply the schema themselves take the SQL from {@link #exportSql(DatabaseKind, String)} (or
 * {@code java … SchemaMigrator postgresql parley_}) and switch the runner off.
 */
public final class SchemaMigrator {

    /** The migration files, oldest first; every supported database has each of them. */
    static final List<String> FILES = List.of("V001__init.sql", "V002__rollups.sql", "V003__daily_rollups.sql",
            "V004__message_id_default.sql", "V005__event_log.sql", "V006__webhooks.sql",
            "V007__business_hours.sql", "V008__canned_responses.sql", "V009__assignment.sql",
            "V010__internal_notes.sql", "V011__visitor_mail_and_revoked_tokens.sql");

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String PLACEHOLDER = "${prefix}";

    private final DataSource dataSource;
    private final String prefix;
    private final H2Lock h2Lock;

    /** A runner for the database behind the data source, with this table prefix (e.g. {@code parley_}). */
    public SchemaMigrator(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.prefix = TablePrefix.check(tablePrefix);
        this.h2Lock = new H2Lock(prefix);
    }

    /**
     * One migration file.
     *
     * @param version     its version, from the file name
     * @param description what it does, from the file name
     * @param sql         its SQL with the {@code ${prefix}} placeholder
     * @param checksum    CRC32 of the SQL, recorded when applied
     */
    public record Migration(int version, String description, String sql, long checksum) {

        /** The SQL with the table prefix applied. */
        public String sql(String tablePrefix) {
            return sql.replace(PLACEHOLDER, tablePrefix);
        }
    }

    /** The migrations shipped for this database, oldest first. */
    public static List<Migration> migrations(DatabaseKind kind) {
        List<Migration> result = new ArrayList<>();
        for (String file : FILES) {
            String path = "db/parley/" + kind.folder() + "/" + file;
            String sql = read(path);
            String name = file.substring(0, file.length() - ".sql".length());
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            CRC32 crc = new CRC32();
            crc.update(sql.getBytes(StandardCharsets.UTF_8));
            result.add(new Migration(version, name.substring(name.indexOf("__") + 2).replace('_', ' '), sql,
                    crc.getValue()));
        }
        return result;
    }

    /** Applies the migrations the database lacks; answers those it applied (none when it was up to date). */
    public List<Migration> migrate() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            DatabaseKind kind = DatabaseKind.of(c);
            try {
                List<Migration> applied = kind == DatabaseKind.POSTGRESQL ? migratePostgres(c) : migrateH2(c);
                if (applied.isEmpty()) {
                    log.debug("Parley schema (prefix '{}') is up to date", prefix);
                } else {
                    log.info("Parley schema (prefix '{}') migrated on {}: applied {}", prefix, kind,
                            applied.stream().map(m -> "V" + m.version()).toList());
                }
                return applied;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("migrating Parley's schema failed: " + e.getMessage(), e);
        }
    }

    private List<Migration> migratePostgres(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, lockKey());
                lock.execute();
            }
            execute(c, historyTableSql());
            List<Migration> applied = applyPending(c, DatabaseKind.POSTGRESQL);
            c.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private List<Migration> migrateH2(Connection c) throws SQLException {
        c.setAutoCommit(true);
        createIfAbsent(c, historyTableSql());
        createIfAbsent(c, h2Lock.tableSql());
        h2Lock.acquire(c);
        try {
            c.setAutoCommit(false);
            List<Migration> applied = new ArrayList<>();
            // H2 commits DDL at once, so each file is its own step, recorded right after it ran.
            for (Migration m : pending(c, DatabaseKind.H2)) {
                applied.addAll(applyPending(c, List.of(m)));
                c.commit();
            }
            return applied;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            h2Lock.release(c);
        }
    }

    private List<Migration> applyPending(Connection c, DatabaseKind kind) throws SQLException {
        return applyPending(c, pending(c, kind));
    }

    private List<Migration> applyPending(Connection c, List<Migration> pending) throws SQLException {
        for (Migration m : pending) {
            log.info("Applying Parley migration V{} ({})", m.version(), m.description());
            for (String statement : SchemaScripts.statements(m.sql(prefix))) {
                execute(c, statement);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + prefix
                    + "schema_history (version, description, checksum, installed_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setInt(1, m.version());
                insert.setString(2, m.description());
                insert.setLong(3, m.checksum());
                insert.executeUpdate();
            }
        }
        return pending;
    }

    /** The shipped migrations this database has not applied, after checking the applied ones are unchanged. */
    private List<Migration> pending(Connection c, DatabaseKind kind) throws SQLException {
        Map<Integer, Long> applied = appliedVersions(c);
        List<Migration> pending = new ArrayList<>();
        for (Migration m : migrations(kind)) {
            Long checksum = applied.get(m.version());
            if (checksum == null) {
                pending.add(m);
            } else if (checksum != m.checksum()) {
                throw new IllegalStateException("Parley migration V" + m.version() + " was applied with checksum "
                        + checksum + " but the shipped file has " + m.checksum()
                        + "; the schema was changed by hand or the jar does not match the database");
            }
        }
        return pending;
    }

    private Map<Integer, Long> appliedVersions(Connection c) throws SQLException {
        Map<Integer, Long> applied = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + prefix + "schema_history")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return applied;
    }

    private boolean historyExists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(prefix + "schema_history")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The SQL a DBA runs to bring the connected database up to date: the history table and every migration it
     * lacks, each followed by its history row. Empty of migrations when the database is up to date.
     */
    public String exportSql() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseKind kind = DatabaseKind.of(c);
            List<Migration> pending = historyExists(c) ? pending(c, kind) : migrations(kind);
            return SchemaScripts.script(kind, prefix, pending);
        } catch (SQLException e) {
            throw new IllegalStateException("reading Parley's schema history failed: " + e.getMessage(), e);
        }
    }

    /** The SQL that creates Parley's whole schema on an empty database of this kind, with this table prefix. */
    public static String exportSql(DatabaseKind kind, String tablePrefix) {
        return SchemaScripts.script(kind, TablePrefix.check(tablePrefix), migrations(kind));
    }

    private String historyTableSql() {
        return SchemaScripts.historyTableSql(prefix);
    }

    private long lockKey() {
        CRC32 crc = new CRC32();
        crc.update(("parley-schema:" + prefix).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs {@code CREATE TABLE IF NOT EXISTS}, tolerating a concurrent node that created it a moment earlier. */
    private static void createIfAbsent(Connection c, String sql) throws SQLException {
        try {
            execute(c, sql);
        } catch (SQLException e) {
            if (!"42S01".equals(e.getSQLState()) && !"42101".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static String read(String path) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration file " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints the SQL of {@link #exportSql(DatabaseKind, String)}: arguments are the database ({@code postgresql} or
     * {@code h2}) and optionally the table prefix (default {@code parley_}).
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SchemaMigrator <postgresql|h2> [tablePrefix]");
            System.exit(2);
        }
        DatabaseKind kind = DatabaseKind.valueOf(args[0].toUpperCase(Locale.ROOT));
        System.out.print(exportSql(kind, args.length == 2 ? args[1] : TablePrefix.DEFAULT));
    }
}
