package dev.parley.chat.spring.store;

import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.jpa.schema.SchemaMigrator;
import dev.parley.chat.jpa.schema.TablePrefixNamingStrategy;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Prepares the application's JPA setup for Parley before Spring Boot builds the entity manager factory: registers
 * Parley's entities, runs its migrations first (unless {@code parley.jpa.migrate=false}), declares the DataSource's
 * schema as managed (so Boot does not default {@code ddl-auto} to create-drop on an embedded database) and, for a
 * table prefix other than {@code parley_}, wraps the physical naming strategy. (An application that builds its own
 * entity manager factory without Boot's JPA auto-configuration gets the store alone, which migrates on creation.)
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = {"dev.parley.chat.jpa.JpaChatStore", "jakarta.persistence.EntityManagerFactory",
        "org.springframework.boot.jdbc.SchemaManagementProvider",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "parley.store", havingValue = "jpa", matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = ChatEntity.class)
@EnableConfigurationProperties(ParleyJpaProperties.class)
class ParleyJpaSchemaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParleyJpaSchemaAutoConfiguration.class);

    static final String DEFAULT_PREFIX = "parley_";

    @Bean
    @ConditionalOnProperty(name = "parley.jpa.migrate", havingValue = "true", matchIfMissing = true)
    ParleySchemaInitializer parleySchemaInitializer(DataSource dataSource, ParleyJpaProperties properties) {
        return new ParleySchemaInitializer(() -> new SchemaMigrator(dataSource, properties.tablePrefix()).migrate());
    }

    @Bean
    SchemaManagementProvider parleySchemaManagementProvider(DataSource dataSource) {
        return candidate -> candidate == dataSource ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer")
    static class TablePrefixConfiguration {

        @Bean
        HibernatePropertiesCustomizer parleyTablePrefixNaming(ParleyJpaProperties properties) {
            return hibernate -> {
                if (!properties.tablePrefix().equals(DEFAULT_PREFIX)) {
                    PhysicalNamingStrategy current = strategy(hibernate);
                    hibernate.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                            new TablePrefixNamingStrategy(properties.tablePrefix(), current));
                    log.info("Parley's tables use the prefix '{}'", properties.tablePrefix());
                }
            };
        }

        private static PhysicalNamingStrategy strategy(Map<String, Object> hibernate) {
            Object value = hibernate.get(AvailableSettings.PHYSICAL_NAMING_STRATEGY);
            if (value instanceof PhysicalNamingStrategy s) {
                return s;
            }
            if (value instanceof Class<?> c) {
                return (PhysicalNamingStrategy) BeanUtils.instantiateClass(c);
            }
            if (value instanceof String name && !name.isBlank()) {
                return (PhysicalNamingStrategy) BeanUtils.instantiateClass(
                        ClassUtils.resolveClassName(name, ParleyJpaSchemaAutoConfiguration.class.getClassLoader()));
            }
            return new CamelCaseToUnderscoresNamingStrategy();
        }
    }
}
