package dev.parley.chat.jpa.schema;

import dev.parley.chat.jpa.schema.SchemaMigrator.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SQL text of the schema: the script a DBA runs, the history table, and splitting a file into statements. */
final class SchemaScripts {

    private SchemaScripts() {}

    /** A script creating the history table, then each migration followed by its history row. */
    static String script(DatabaseKind kind, String prefix, List<Migration> migrations) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Parley schema for ").append(kind.name().toLowerCase(Locale.ROOT))
                .append(", table prefix '").append(prefix).append("'\n");
        sql.append("-- Run it once; the history table tells Parley's runner these versions are applied.\n\n");
        sql.append(historyTableSql(prefix)).append(";\n\n");
        for (Migration m : migrations) {
            sql.append("-- V").append(m.version()).append(": ").append(m.description()).append('\n');
            sql.append(m.sql(prefix).strip()).append("\n\n");
            sql.append("INSERT INTO ").append(prefix)
                    .append("schema_history (version, description, checksum, installed_at) VALUES (")
                    .append(m.version()).append(", '").append(m.description()).append("', ").append(m.checksum())
                    .append(", CURRENT_TIMESTAMP);\n\n");
        }
        return sql.toString();
    }

    /** The history table, which records each applied migration with its checksum. */
    static String historyTableSql(String prefix) {
        return "CREATE TABLE IF NOT EXISTS " + prefix + "schema_history (\n"
                + "    version      INTEGER                  NOT NULL,\n"
                + "    description  VARCHAR(200)             NOT NULL,\n"
                + "    checksum     BIGINT                   NOT NULL,\n"
                + "    installed_at TIMESTAMP WITH TIME ZONE NOT NULL,\n"
                + "    CONSTRAINT " + prefix + "schema_history_pk PRIMARY KEY (version)\n"
                + ")";
    }

    /** Splits a script into statements: each ends with a semicolon at the end of a line; comment lines dropped. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                result.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
