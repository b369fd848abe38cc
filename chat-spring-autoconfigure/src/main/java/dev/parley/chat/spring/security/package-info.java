/**
 * Authentication of admins on Parley's admin endpoints: Spring Security's principal when Spring Security is on the
 * classpath, otherwise Parley's own verifier of HS256 JWTs. Either way the admin must be in the AdminDirectory.
 */
@NullMarked
package dev.parley.chat.spring.security;

import org.jspecify.annotations.NullMarked;
