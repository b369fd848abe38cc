package dev.parley.chat.spring.store;

import dev.parley.chat.ParleySettings;
import dev.parley.chat.jpa.JpaChatStore;
import dev.parley.chat.jpa.JpaStoreOptions;
import dev.parley.chat.store.ChatStore;
import jakarta.persistence.EntityManagerFactory;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The JPA store on the application's entity manager factory, unless the application has a store of its own. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "dev.parley.chat.spring.store.ParleyJpaSchemaAutoConfiguration"})
@ConditionalOnClass(name = {"dev.parley.chat.jpa.JpaChatStore", "jakarta.persistence.EntityManagerFactory"})
@ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
@ConditionalOnProperty(name = "parley.store", havingValue = "jpa", matchIfMissing = true)
@EnableConfigurationProperties(ParleyJpaProperties.class)
class ParleyJpaStoreAutoConfiguration {

    /**
     * The store keeps daily analytics rollups in the zone the report uses by default ({@code ParleySettings}, i.e.
     * {@code parley.analytics.time-zone} unless the application declares its own settings bean).
     */
    @Bean
    @ConditionalOnMissingBean(ChatStore.class)
    JpaChatStore parleyJpaStore(EntityManagerFactory entityManagerFactory, ParleyJpaProperties properties,
            ObjectProvider<ParleySchemaInitializer> migrated, ObjectProvider<ParleySettings> settings) {
        // the migrations normally ran before the entity manager factory; run them here only if that was not possible
        boolean migrateNow = properties.migrate() && migrated.getIfAvailable() == null;
        ZoneId reportZone = settings.getIfAvailable(() -> ParleySettings.DEFAULTS).timeZone();
        return new JpaChatStore(entityManagerFactory, new JpaStoreOptions(properties.tablePrefix(), migrateNow)
                .withReportZone(reportZone));
    }
}
