package dev.parley.chat.spring.security;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Admin authentication through Spring Security: the application's security configuration authenticates the caller
 * (session login, OAuth2 resource server, …); an admin is an authenticated principal holding the configured
 * authority, and the principal's name is the admin id.
 */
public final class SpringSecurityAdminAuthenticator implements AdminAuthenticator {

    private final String authority;

    /** @param authority the authority required; blank means any authenticated principal */
    public SpringSecurityAdminAuthenticator(String authority) {
        this.authority = authority.strip();
    }

    @Override
    public String authenticate(HttpServletRequest request, boolean allowQueryToken) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new ParleyException(ErrorCode.UNAUTHENTICATED, "the admin endpoints need an authenticated user");
        }
        if (!authority.isEmpty()
                && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(authority::equals)) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "the admin endpoints need the authority " + authority);
        }
        return auth.getName();
    }
}
