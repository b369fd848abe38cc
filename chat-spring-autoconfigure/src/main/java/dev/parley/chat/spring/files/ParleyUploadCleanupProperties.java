package dev.parley.chat.spring.files;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Removal of uploads never attached to a message, under {@code parley.files.cleanup.*}.
 *
 * @param enabled          whether this node sweeps (safe on every node: each file is removed by one)
 * @param unattachedMaxAge how long an upload may wait for a message that attaches it
 * @param interval         how often to sweep
 */
@ConfigurationProperties("parley.files.cleanup")
public record ParleyUploadCleanupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration unattachedMaxAge,
        @DefaultValue("1h") Duration interval) {}
