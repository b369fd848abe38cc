package dev.parley.chat.spring.store;

import org.springframework.beans.factory.InitializingBean;

/**
 * Applies Parley's schema migrations when created. Spring Boot treats it as a database initializer (see
 * {@link ParleySchemaInitializerDetector}), so entity manager factories and other database users wait for it.
 */
final class ParleySchemaInitializer implements InitializingBean {

    private final Runnable migration;

    ParleySchemaInitializer(Runnable migration) {
        this.migration = migration;
    }

    @Override
    public void afterPropertiesSet() {
        migration.run();
    }
}
