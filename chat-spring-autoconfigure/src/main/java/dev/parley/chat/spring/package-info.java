/**
 * Spring Boot auto-configuration of Parley: the core services as beans, built from {@code parley.*} properties and
 * whichever adapters are on the classpath and configured. Every bean backs off when the application declares its own.
 */
@NullMarked
package dev.parley.chat.spring;

import org.jspecify.annotations.NullMarked;
