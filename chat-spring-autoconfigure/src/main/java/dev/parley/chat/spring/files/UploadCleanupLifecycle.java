package dev.parley.chat.spring.files;

import dev.parley.chat.file.UnattachedUploads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Sweeps uploads never attached to a message on a fixed interval, on one daemon thread of this node. */
final class UploadCleanupLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UploadCleanupLifecycle.class);

    private final UnattachedUploads uploads;
    private final ParleyUploadCleanupProperties properties;
    private @Nullable ScheduledExecutorService executor;

    UploadCleanupLifecycle(UnattachedUploads uploads, ParleyUploadCleanupProperties properties) {
        this.uploads = uploads;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long every = Math.max(1, properties.interval().toMillis());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-upload-cleanup");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** One sweep; a failure is logged and the next sweep tries again. */
    void sweep() {
        try {
            uploads.removeOlderThan(properties.unattachedMaxAge());
        } catch (RuntimeException e) {
            log.warn("Sweeping unattached uploads failed; trying again in {}", properties.interval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
