package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.jpa.schema.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/database.md says what the code does. */
class DatabaseDocTest {

    private static String doc() throws Exception {
        return Files.readString(Path.of("..", "docs", "database.md"));
    }

    @Test
    void theDocumentedSchemaIsTheShippedMigration() throws Exception {
        for (SchemaMigrator.Migration m : SchemaMigrator.migrations(DatabaseKind.POSTGRESQL)) {
            assertThat(doc()).as("V" + m.version()).contains("```sql\n" + m.sql().strip() + "\n```");
        }
    }

    @Test
    void theDocumentedDefaultsAreTheCodesDefaults() throws Exception {
        JpaStoreOptions defaults = JpaStoreOptions.DEFAULTS;
        assertThat(doc()).contains("| `tablePrefix` | `" + defaults.tablePrefix() + "` |",
                "| `migrate` | `" + defaults.migrate() + "` |",
                "| `validateSchema` | `" + defaults.validateSchema() + "` |",
                "| `reportZone` | `" + defaults.reportZone().getId() + "` |");
    }
}
