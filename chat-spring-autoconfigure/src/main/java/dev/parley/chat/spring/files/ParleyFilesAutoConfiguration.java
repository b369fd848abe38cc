package dev.parley.chat.spring.files;

import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.LocalFileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default file storage, on the local file system, and the endpoint serving its files. Runs after the Cloudinary
 * auto-configuration, whose storage wins when configured.
 */
@AutoConfiguration(afterName = "dev.parley.chat.spring.files.ParleyCloudinaryAutoConfiguration")
@EnableConfigurationProperties(ParleyFilesProperties.class)
class ParleyFilesAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParleyFilesAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(FileStorage.class)
    LocalFileStorage parleyLocalFileStorage(ParleyFilesProperties properties) {
        ParleyFilesProperties.Local local = properties.local();
        LocalFileStorage storage = new LocalFileStorage(local.directory(), local.urlBase());
        log.info("Parley stores uploads on the local disk in {}{}", storage.root(),
                local.serve() ? " and serves them under " + local.urlBase() : "");
        return storage;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(name = "parley.web.enabled", havingValue = "true", matchIfMissing = true)
    static class ServeLocalFiles {

        @Bean
        @ConditionalOnProperty(name = "parley.files.local.serve", havingValue = "true", matchIfMissing = true)
        LocalFilesController parleyLocalFilesController(FileStorage storage) {
            return new LocalFilesController(storage);
        }
    }
}
