package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.Chat;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.jpa.schema.SchemaMigrator;
import dev.parley.chat.jpa.schema.SchemaMigrator.Migration;
import dev.parley.chat.jpa.schema.TablePrefixNamingStrategy;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration runner, the exported SQL, the table prefix and schema validation, on fresh databases. */
class SchemaTest {

    /** The versions shipped in the jar, oldest first; every database has each of them. */
    private static final List<Integer> SHIPPED =
            SchemaMigrator.migrations(DatabaseKind.POSTGRESQL).stream().map(Migration::version).toList();

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static Chat chat(String session) {
        return Chat.builder().sessionId(session).visitorName("Ada").createdAt(T0).build();
    }

    private static List<String> tables(HikariDataSource ds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static long count(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrationsApplyOnceAndAreRecorded(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            SchemaMigrator migrator = new SchemaMigrator(ds, "parley_");

            assertThat(migrator.migrate()).extracting(Migration::version).containsExactlyElementsOf(SHIPPED)
                    .startsWith(1, 2, 3, 4);
            assertThat(migrator.migrate()).isEmpty();

            assertThat(tables(ds)).contains("parley_chat", "parley_message", "parley_department",
                    "parley_kb_article", "parley_presence", "parley_outbox", "parley_uploaded_file",
                    "parley_chat_rollup", "parley_chat_rollup_zone", "parley_chat_event", "parley_schema_history");
            assertThat(count(ds, "SELECT COUNT(*) FROM parley_schema_history WHERE version = 1")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nodesStartingAtOnceMigrateOnce(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            List<List<Migration>> applied = Together.run(4, t -> () -> new SchemaMigrator(ds, "parley_").migrate());

            assertThat(applied).filteredOn(list -> !list.isEmpty()).hasSize(1);
            assertThat(count(ds, "SELECT COUNT(*) FROM parley_schema_history")).isEqualTo(SHIPPED.size());
            try (JpaChatStore store = JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withMigrate(false))) {
                assertThat(store.chats().insert(chat("a".repeat(32))).id()).isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theExportedSqlBuildsASchemaThatTheRunnerAndHibernateAccept(DatabaseKind kind) throws Exception {
        String sql = SchemaMigrator.exportSql(kind, "acme_");
        assertThat(sql).contains("CREATE TABLE acme_chat (", "CREATE TABLE acme_message (",
                "CREATE SEQUENCE acme_chat_seq", "INSERT INTO acme_schema_history").doesNotContain("${prefix}",
                "parley_chat");

        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            assertThat(new SchemaMigrator(ds, "acme_").exportSql()).as("everything is pending")
                    .contains("CREATE TABLE acme_chat (");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String statement : sql.split(";\n")) {
                    if (!statement.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                        s.execute(statement);
                    }
                }
            }
            assertThat(new SchemaMigrator(ds, "acme_").migrate()).as("a DBA applied it").isEmpty();
            assertThat(new SchemaMigrator(ds, "acme_").exportSql()).as("nothing is pending")
                    .doesNotContain("CREATE TABLE acme_chat (");
            try (JpaChatStore store = JpaChatStore.create(ds, new JpaStoreOptions("acme_", false))) {
                Chat stored = store.chats().insert(chat("b".repeat(32)));
                assertThat(store.chats().find(stored.id())).contains(stored);
            }
            assertThat(count(ds, "SELECT COUNT(*) FROM acme_chat")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void hibernateValidatesTheSchemaAtStartUp(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            assertThatThrownBy(() -> JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS.withMigrate(false)))
                    .as("no migrations, no tables").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing table [parley_chat]");
            try (JpaChatStore store = JpaChatStore.create(ds, JpaStoreOptions.DEFAULTS)) {
                assertThat(store.databaseKind()).isEqualTo(kind);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMigrationChangedAfterItWasAppliedStopsTheRunner(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            new SchemaMigrator(ds, "parley_").migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE parley_schema_history SET checksum = 42 WHERE version = 1");
            }
            assertThatThrownBy(() -> new SchemaMigrator(ds, "parley_").migrate())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("V1");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aHostFactoryWithItsOwnNamingStrategyMapsParleysTablesWithThePrefix(DatabaseKind kind) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(kind)) {
            JpaStoreOptions options = new JpaStoreOptions("help_", true);
            new SchemaMigrator(ds, "help_").migrate();
            EntityManagerFactory emf = JpaChatStore.persistenceConfiguration(ds, options)
                    .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                            new TablePrefixNamingStrategy("help_", new PhysicalNamingStrategySnakeCaseImpl()))
                    .createEntityManagerFactory();
            try (emf) {
                JpaChatStore store = new JpaChatStore(emf, options);
                store.chats().insert(chat("c".repeat(32)));
                store.close();
                assertThat(emf.isOpen()).as("the host's factory stays open").isTrue();
                assertThat(count(ds, "SELECT COUNT(*) FROM help_chat")).isEqualTo(1);
                assertThatThrownBy(() -> new JpaChatStore(emf, JpaStoreOptions.DEFAULTS))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'help_'")
                        .hasMessageContaining("'parley_'");
            }
        }
    }

    @Test
    void theMigrationRunsThroughTheHostFactorysDataSource() throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(DatabaseKind.H2)) {
            SessionFactory emf = JpaChatStore.persistenceConfiguration(ds, JpaStoreOptions.DEFAULTS
                    .withValidateSchema(false)).createEntityManagerFactory();
            try (emf) {
                JpaChatStore store = new JpaChatStore(emf);
                assertThat(store.chats().insert(chat("d".repeat(32))).id()).isPositive();
            }
            assertThat(count(ds, "SELECT COUNT(*) FROM parley_schema_history")).isEqualTo(SHIPPED.size());
        }
    }

    @Test
    void theSqlSplitsIntoStatementsAtLineEndSemicolons() {
        assertThat(SchemaMigrator.migrations(DatabaseKind.POSTGRESQL)).hasSize(SHIPPED.size()).first().satisfies(m -> {
            assertThat(m.version()).isEqualTo(1);
            assertThat(m.description()).isEqualTo("init");
            assertThat(m.sql("x_")).contains("CREATE TABLE x_chat (");
        });
        assertThat(SchemaMigrator.migrations(DatabaseKind.H2).get(1)).satisfies(m -> {
            assertThat(m.version()).isEqualTo(2);
            assertThat(m.description()).isEqualTo("rollups");
            assertThat(m.sql("x_")).contains("CREATE TABLE x_chat_rollup (");
        });
        assertThat(SchemaMigrator.migrations(DatabaseKind.POSTGRESQL).get(2)).satisfies(m -> {
            assertThat(m.version()).isEqualTo(3);
            assertThat(m.description()).isEqualTo("daily rollups");
            assertThat(m.sql("x_")).contains("CREATE TABLE x_chat_rollup_zone (");
        });
        assertThat(SchemaMigrator.migrations(DatabaseKind.H2).get(0).checksum())
                .isNotEqualTo(SchemaMigrator.migrations(DatabaseKind.POSTGRESQL).get(0).checksum());
        assertThat(JpaChatStore.hibernateProperties("parley_")).doesNotContainKey(
                AvailableSettings.PHYSICAL_NAMING_STRATEGY).containsEntry(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        assertThat(JpaChatStore.hibernateProperties("acme_")).containsKey(AvailableSettings.PHYSICAL_NAMING_STRATEGY);
        assertThatThrownBy(() -> new JpaStoreOptions("Bad-Prefix", true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Map.of()).isEmpty();
    }
}
