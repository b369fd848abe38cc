package dev.parley.chat.spring.files;

import dev.parley.Parley;
import dev.parley.chat.file.UnattachedUploads;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Removes uploads never attached to a message after {@code parley.files.cleanup.unattached-max-age}. */
@AutoConfiguration(afterName = "dev.parley.chat.spring.ParleyAutoConfiguration")
@ConditionalOnBean(Parley.class)
@EnableConfigurationProperties(ParleyUploadCleanupProperties.class)
class ParleyUploadCleanupAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    UnattachedUploads parleyUnattachedUploads(Parley parley, ObjectProvider<Clock> clock) {
        return new UnattachedUploads(parley.store(), parley.fileStorage(), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "parley.files.cleanup.enabled", havingValue = "true", matchIfMissing = true)
    UploadCleanupLifecycle parleyUploadCleanup(UnattachedUploads uploads, ParleyUploadCleanupProperties properties) {
        return new UploadCleanupLifecycle(uploads, properties);
    }
}
