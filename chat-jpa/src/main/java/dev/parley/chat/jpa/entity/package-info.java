/**
 * The JPA entities of Parley's tables. They are a mapping detail of {@link dev.parley.chat.jpa.JpaChatStore}: hosts
 * only need this package so that their own {@code EntityManagerFactory} finds the entities (see
 * {@link dev.parley.chat.jpa.entity.ParleyEntities}).
 */
@NullMarked
package dev.parley.chat.jpa.entity;

import org.jspecify.annotations.NullMarked;
