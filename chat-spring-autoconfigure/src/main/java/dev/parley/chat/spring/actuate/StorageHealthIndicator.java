package dev.parley.chat.spring.actuate;

import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.LocalFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** File storage: for local storage, whether the upload directory exists (or can be created) and is writable. */
final class StorageHealthIndicator extends AbstractHealthIndicator {

    private final FileStorage storage;

    StorageHealthIndicator(FileStorage storage) {
        super("Parley storage health check failed");
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("type", storage.getClass().getSimpleName());
        if (!(storage instanceof LocalFileStorage local)) {
            builder.up().withDetail("checked", false);
            return;
        }
        Path root = local.root();
        builder.withDetail("directory", root.toString());
        Files.createDirectories(root);
        Path probe = Files.createTempFile(root, ".health-", ".tmp");
        Files.delete(probe);
        builder.up().withDetail("writable", true);
    }
}
