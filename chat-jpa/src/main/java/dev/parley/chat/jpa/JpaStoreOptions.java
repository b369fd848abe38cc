package dev.parley.chat.jpa;

import dev.parley.chat.jpa.schema.TablePrefix;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the JPA store is set up. The database kind (PostgreSQL or H2) is detected.
 *
 * @param tablePrefix    put in front of every Parley table and sequence (default {@code parley_}; may be empty;
 *                       lower-case letters, digits and underscores, at most 20 characters)
 * @param migrate        whether the store applies the schema migrations it ships before use (default true); turn it
 *                       off when a DBA applies the SQL of {@code SchemaMigrator.exportSql} instead
 * @param validateSchema whether the entity manager factory that {@link JpaChatStore#create} builds checks the
 *                       mapping against the database at start-up ({@code hibernate.hbm2ddl.auto=validate}; default
 *                       true). Hibernate never creates or changes Parley's schema.
 * @param reportZone     the zone whose local days the store keeps daily analytics rollups for (default UTC, the
 *                       default of {@code ParleySettings.timeZone()}); set it to the zone the analytics report
 *                       uses by default. Reports in other zones stay exact, from the quarter-hour rollups. At
 *                       start-up the store rebuilds the daily rows when they were built in another zone.
 */
public record JpaStoreOptions(String tablePrefix, boolean migrate, boolean validateSchema, ZoneId reportZone) {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The defaults: prefix {@code parley_}, migrations on, schema validated, report zone UTC. */
    public static final JpaStoreOptions DEFAULTS = new JpaStoreOptions(TablePrefix.DEFAULT, true, true, UTC);

    /** Checks the prefix and the zone. */
    public JpaStoreOptions {
        TablePrefix.check(Objects.requireNonNull(tablePrefix, "tablePrefix"));
        Objects.requireNonNull(reportZone, "reportZone");
    }

    /** A prefix, whether to migrate and whether to validate the schema; the report zone is UTC. */
    public JpaStoreOptions(String tablePrefix, boolean migrate, boolean validateSchema) {
        this(tablePrefix, migrate, validateSchema, UTC);
    }

    /** A prefix and whether to migrate; the schema is validated, the report zone is UTC. */
    public JpaStoreOptions(String tablePrefix, boolean migrate) {
        this(tablePrefix, migrate, true);
    }

    /** The defaults. */
    public static JpaStoreOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another table prefix. */
    public JpaStoreOptions withTablePrefix(String value) {
        return new JpaStoreOptions(value, migrate, validateSchema, reportZone);
    }

    /** These options with migrations on or off. */
    public JpaStoreOptions withMigrate(boolean value) {
        return new JpaStoreOptions(tablePrefix, value, validateSchema, reportZone);
    }

    /** These options with schema validation on or off. */
    public JpaStoreOptions withValidateSchema(boolean value) {
        return new JpaStoreOptions(tablePrefix, migrate, value, reportZone);
    }

    /** These options with another report zone (e.g. {@code ParleySettings.timeZone()}). */
    public JpaStoreOptions withReportZone(ZoneId value) {
        return new JpaStoreOptions(tablePrefix, migrate, validateSchema, value);
    }
}
