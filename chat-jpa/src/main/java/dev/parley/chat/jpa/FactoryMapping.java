package dev.parley.chat.jpa;

import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.jpa.schema.DatabaseKind;
import java.util.Locale;
import javax.sql.DataSource;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * How an entity manager factory maps Parley's tables, as {@link JpaChatStore} checks it before use.
 *
 * @param kind      the database, from the factory's dialect
 * @param qualifier the schema qualifier of the tables with its dot (e.g. {@code support.}), or empty
 */
record FactoryMapping(DatabaseKind kind, String qualifier) {

    /**
     * Reads the factory's mapping; throws when it does not manage Parley's entities, runs on another database than
     * PostgreSQL or H2, or maps the tables with another prefix than {@code tablePrefix}.
     */
    static FactoryMapping of(SessionFactoryImplementor factory, String tablePrefix) {
        DatabaseKind kind = kindOf(factory.getJdbcServices().getDialect());
        String table = chatTable(factory);
        String qualifier = table.contains(".") ? table.substring(0, table.lastIndexOf('.') + 1) : "";
        String prefix = table.substring(qualifier.length(), table.length() - "chat".length());
        if (!prefix.equalsIgnoreCase(tablePrefix)) {
            throw new IllegalStateException("the entity manager factory maps Parley's tables with prefix '" + prefix
                    + "' but the store was given '" + tablePrefix + "'; set hibernate.physical_naming_strategy"
                    + " to new TablePrefixNamingStrategy(\"" + tablePrefix + "\", …)");
        }
        return new FactoryMapping(kind, qualifier);
    }

    /** The data source behind the factory, to migrate the schema through. */
    static DataSource dataSourceOf(SessionFactoryImplementor factory) {
        ConnectionProvider provider = factory.getServiceRegistry().requireService(ConnectionProvider.class);
        if (!provider.isUnwrappableAs(DataSource.class)) {
            throw new IllegalStateException("cannot reach the data source of the entity manager factory to migrate"
                    + " Parley's schema; run new SchemaMigrator(dataSource, prefix).migrate() yourself and create the"
                    + " store with migrate=false");
        }
        return provider.unwrap(DataSource.class);
    }

    private static DatabaseKind kindOf(Dialect dialect) {
        if (dialect instanceof PostgreSQLDialect) {
            return DatabaseKind.POSTGRESQL;
        }
        if (dialect instanceof H2Dialect) {
            return DatabaseKind.H2;
        }
        throw new IllegalStateException("Parley's JPA store supports PostgreSQL and H2; the entity manager factory"
                + " uses " + dialect.getClass().getSimpleName());
    }

    private static String chatTable(SessionFactoryImplementor factory) {
        EntityPersister persister;
        try {
            persister = factory.getMappingMetamodel().getEntityDescriptor(ChatEntity.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the entity manager factory does not manage Parley's entities; add the"
                    + " package dev.parley.chat.jpa.entity (or ParleyEntities.CLASSES) to it", e);
        }
        if (persister == null) {
            throw new IllegalStateException("the entity manager factory does not manage Parley's entities; add the"
                    + " package dev.parley.chat.jpa.entity (or ParleyEntities.CLASSES) to it");
        }
        return ((AbstractEntityPersister) persister).getIdentifierTableName().toLowerCase(Locale.ROOT);
    }
}
