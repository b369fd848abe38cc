package dev.parley.chat.jpa.schema;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * A Hibernate {@code hibernate.physical_naming_strategy} that puts a table prefix in front of Parley's tables and
 * sequences and hands every other name (the host's own entities, all columns) to a delegate. Hosts that keep the
 * default prefix {@code parley_} need no naming strategy at all.
 *
 * <p>Set an instance (not the class name, which would get the default prefix) as the property's value; in Spring
 * Boot, wrap the strategy Boot already configured so the host's entities keep their names.
 */
public final class TablePrefixNamingStrategy implements PhysicalNamingStrategy {

    private final String prefix;
    private final PhysicalNamingStrategy delegate;
    private final Set<String> parleyNames = new HashSet<>();

    /** The default prefix, other names unchanged (what Hibernate does when it instantiates the class by name). */
    public TablePrefixNamingStrategy() {
        this(TablePrefix.DEFAULT);
    }

    /** This prefix, other names unchanged. */
    public TablePrefixNamingStrategy(String prefix) {
        this(prefix, PhysicalNamingStrategyStandardImpl.INSTANCE);
    }

    /** This prefix; every name that is not Parley's goes to the delegate. */
    public TablePrefixNamingStrategy(String prefix, PhysicalNamingStrategy delegate) {
        this.prefix = TablePrefix.check(prefix);
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        TablePrefix.TABLES.forEach(t -> parleyNames.add(TablePrefix.DEFAULT + t));
        TablePrefix.SEQUENCES.forEach(s -> parleyNames.add(TablePrefix.DEFAULT + s));
    }

    /** The prefix applied to Parley's names. */
    public String prefix() {
        return prefix;
    }

    @Override
    public @Nullable Identifier toPhysicalCatalogName(@Nullable Identifier name, JdbcEnvironment env) {
        return delegate.toPhysicalCatalogName(name, env);
    }

    @Override
    public @Nullable Identifier toPhysicalSchemaName(@Nullable Identifier name, JdbcEnvironment env) {
        return delegate.toPhysicalSchemaName(name, env);
    }

    @Override
    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment env) {
        Identifier own = rename(name);
        return own != null ? own : delegate.toPhysicalTableName(name, env);
    }

    @Override
    public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment env) {
        Identifier own = rename(name);
        return own != null ? own : delegate.toPhysicalSequenceName(name, env);
    }

    @Override
    public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment env) {
        return delegate.toPhysicalColumnName(name, env);
    }

    private @Nullable Identifier rename(@Nullable Identifier name) {
        if (name == null || !parleyNames.contains(name.getText())) {
            return null;
        }
        return Identifier.toIdentifier(prefix + name.getText().substring(TablePrefix.DEFAULT.length()),
                name.isQuoted());
    }
}
