package dev.parley.chat.spring.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds out which admin sent a request. Declare a bean of this type to authenticate admins your own way.
 *
 * <p>Throw a {@link dev.parley.chat.ParleyException} with code {@code UNAUTHENTICATED} (401) when the caller is not
 * authenticated and {@code FORBIDDEN} (403) when they are but may not use the admin endpoints. Parley then checks
 * that the id is in the {@link dev.parley.chat.admin.AdminDirectory} (403 otherwise).
 */
public interface AdminAuthenticator {

    /**
     * The admin id of the caller.
     *
     * @param request         the request
     * @param allowQueryToken whether a credential in the query string is acceptable (the admin stream's one-use
     *                        {@code ticket} in JWT mode)
     */
    String authenticate(HttpServletRequest request, boolean allowQueryToken);
}
