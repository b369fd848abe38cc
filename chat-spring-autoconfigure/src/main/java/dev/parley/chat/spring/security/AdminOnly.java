package dev.parley.chat.spring.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a Parley controller (or one of its methods) as for authenticated admins only. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {

    /**
     * Whether a one-use stream ticket may come as the {@code ticket} query parameter (JWT mode): only for the admin
     * event stream, because browsers' EventSource cannot send headers. The bearer token is never read from a URL.
     */
    boolean allowQueryToken() default false;
}
