package dev.parley.chat.jpa;

import dev.parley.chat.jpa.schema.TablePrefix;
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
 */
public record JpaStoreOptions(String tablePrefix, boolean migrate, boolean validateSchema) {

    /** The defaults: prefix {@code parley_}, migrations on, schema validated. */
    public static final JpaStoreOptions DEFAULTS = new JpaStoreOptions(TablePrefix.DEFAULT, true, true);

    /** Checks the prefix. */
    public JpaStoreOptions {
        TablePrefix.check(Objects.requireNonNull(tablePrefix, "tablePrefix"));
    }

    /** A prefix and whether to migrate; the schema is validated. */
    public JpaStoreOptions(String tablePrefix, boolean migrate) {
        this(tablePrefix, migrate, true);
    }

    /** The defaults. */
    public static JpaStoreOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another table prefix. */
    public JpaStoreOptions withTablePrefix(String value) {
        return new JpaStoreOptions(value, migrate, validateSchema);
    }

    /** These options with migrations on or off. */
    public JpaStoreOptions withMigrate(boolean value) {
        return new JpaStoreOptions(tablePrefix, value, validateSchema);
    }

    /** These options with schema validation on or off. */
    public JpaStoreOptions withValidateSchema(boolean value) {
        return new JpaStoreOptions(tablePrefix, migrate, value);
    }
}
