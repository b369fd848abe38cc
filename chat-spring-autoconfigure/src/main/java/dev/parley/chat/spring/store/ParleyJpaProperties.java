package dev.parley.chat.spring.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JPA store under {@code parley.jpa.*}.
 *
 * @param tablePrefix put in front of every Parley table and sequence (lower-case letters, digits and underscores, at
 *                    most 20 characters; may be empty)
 * @param migrate     whether to apply Parley's schema migrations at start-up, before the entity manager factory is
 *                    created; turn it off when a DBA applies the SQL
 */
@ConfigurationProperties("parley.jpa")
public record ParleyJpaProperties(
        @DefaultValue("parley_") String tablePrefix,
        @DefaultValue("true") boolean migrate) {}
