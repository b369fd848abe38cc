package dev.parley.chat.spring.files;

import dev.parley.chat.cloudinary.CloudinaryFileStorage;
import dev.parley.chat.file.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Uploads on Cloudinary when chat-cloudinary is on the classpath and a Cloudinary URL is configured. */
@AutoConfiguration(beforeName = "dev.parley.chat.spring.files.ParleyFilesAutoConfiguration")
@ConditionalOnClass(name = "dev.parley.chat.cloudinary.CloudinaryFileStorage")
@Conditional(CloudinaryConfigured.class)
@EnableConfigurationProperties(ParleyFilesProperties.class)
class ParleyCloudinaryAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParleyCloudinaryAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(FileStorage.class)
    CloudinaryFileStorage parleyCloudinaryFileStorage(ParleyFilesProperties properties, Environment environment) {
        String url = properties.cloudinary().url();
        if (!StringUtils.hasText(url)) {
            url = environment.getProperty(CloudinaryConfigured.ENVIRONMENT, "");
        }
        CloudinaryFileStorage storage = CloudinaryFileStorage.fromUrl(url.strip(),
                properties.cloudinary().folderPrefix());
        log.info("Parley stores uploads on Cloudinary in {} and {}", storage.imagesFolder(), storage.filesFolder());
        return storage;
    }
}
