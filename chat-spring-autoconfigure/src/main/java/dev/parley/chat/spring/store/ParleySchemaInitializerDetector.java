package dev.parley.chat.spring.store;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/** Tells Spring Boot that {@link ParleySchemaInitializer} beans initialize the database (registered in spring.factories). */
final class ParleySchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ParleySchemaInitializer.class);
    }
}
