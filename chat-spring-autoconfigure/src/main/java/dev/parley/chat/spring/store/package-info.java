/**
 * The JPA store of chat-jpa on the application's DataSource and entity manager factory: entities registered through
 * {@code @AutoConfigurationPackage}, schema migrations run before the entity manager factory, the table prefix.
 */
@NullMarked
package dev.parley.chat.spring.store;

import org.jspecify.annotations.NullMarked;
