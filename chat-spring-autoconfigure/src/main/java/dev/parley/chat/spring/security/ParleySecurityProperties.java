package dev.parley.chat.spring.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admin authentication under {@code parley.security.*}.
 *
 * @param jwtSecret             the HS256 secret admin tokens are signed with, at least 32 bytes (without Spring
 *                              Security); unset means admin endpoints refuse every request. Never commit it
 * @param jwtIssuer             when set, tokens must carry this issuer (iss claim)
 * @param clockSkew             tolerance when checking a token's expiry and not-before times
 * @param adminAuthority        with Spring Security: the authority an authenticated principal needs for the admin
 *                              endpoints; empty means any authenticated principal listed as admin
 * @param permitPublicEndpoints with Spring Security: let visitors reach the public endpoints (the session id is
 *                              their credential) by excluding them from Spring Security's filter chain
 * @param streamTicketLifetime  without Spring Security: how long a ticket of
 *                              {@code POST /api/v1/admin/chat/stream-ticket} may be used (once) to open the admin
 *                              event stream
 */
@ConfigurationProperties("parley.security")
public record ParleySecurityProperties(
        @Nullable String jwtSecret,
        @Nullable String jwtIssuer,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("ROLE_PARLEY_ADMIN") String adminAuthority,
        @DefaultValue("true") boolean permitPublicEndpoints,
        @DefaultValue("30s") Duration streamTicketLifetime) {

    /** Hides the secret. */
    @Override
    public String toString() {
        return "ParleySecurityProperties[jwtSecret=" + (jwtSecret == null ? "unset" : "***") + ", jwtIssuer="
                + jwtIssuer + ", clockSkew=" + clockSkew + ", adminAuthority=" + adminAuthority
                + ", permitPublicEndpoints=" + permitPublicEndpoints + ", streamTicketLifetime=" + streamTicketLifetime
                + "]";
    }
}
