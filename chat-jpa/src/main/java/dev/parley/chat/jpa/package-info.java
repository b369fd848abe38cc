/**
 * The Parley store on JPA/Hibernate: {@link dev.parley.chat.jpa.JpaChatStore} over a host's
 * {@code EntityManagerFactory} or one it builds from a {@code DataSource}, for PostgreSQL and H2.
 */
@NullMarked
package dev.parley.chat.jpa;

import org.jspecify.annotations.NullMarked;
