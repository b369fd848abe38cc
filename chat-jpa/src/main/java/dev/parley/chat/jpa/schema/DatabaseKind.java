package dev.parley.chat.jpa.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases Parley's schema supports; each has its own folder of migration files. */
public enum DatabaseKind {
    /** PostgreSQL 12 or later. */
    POSTGRESQL("postgresql"),
    /** H2 2.x. */
    H2("h2");

    private final String folder;

    DatabaseKind(String folder) {
        this.folder = folder;
    }

    /** The folder of this database's migration files under {@code db/parley/} in the jar. */
    public String folder() {
        return folder;
    }

    /** The kind of a database by the product name its JDBC driver reports. */
    public static DatabaseKind fromProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalStateException("Parley's JPA store supports PostgreSQL and H2, not '" + productName + "'");
    }

    /** The kind of the database this connection talks to. */
    public static DatabaseKind of(Connection connection) throws SQLException {
        return fromProductName(connection.getMetaData().getDatabaseProductName());
    }
}
