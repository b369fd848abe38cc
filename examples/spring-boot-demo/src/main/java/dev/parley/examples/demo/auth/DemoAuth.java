package dev.parley.examples.demo.auth;

import dev.parley.chat.ParleyException;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.spring.security.AdminAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Authenticates the demo's own admin endpoints exactly like Parley's admin API: the same {@link AdminAuthenticator}
 * (the bearer token) and the same directory.
 */
@Component
public final class DemoAuth {

    private final AdminAuthenticator authenticator;
    private final AdminDirectory admins;

    /** Creates the check. */
    public DemoAuth(AdminAuthenticator authenticator, AdminDirectory admins) {
        this.authenticator = authenticator;
        this.admins = admins;
    }

    /** The admin who sent the request, or empty when the token is missing or invalid or not an admin's. */
    public Optional<Admin> admin(HttpServletRequest request) {
        try {
            return admins.find(authenticator.authenticate(request, false));
        } catch (ParleyException e) {
            return Optional.empty();
        }
    }
}
