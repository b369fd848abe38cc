package dev.parley.chat.spring.security;

import dev.parley.chat.spring.web.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's token in JWT mode: {@code POST /api/v1/admin/chat/stream-ticket} hands out a one-use ticket for the
 * event stream, so the token itself never appears in a URL; {@code POST /api/v1/admin/sign-out} revokes the token.
 */
@RestController
@AdminOnly
final class AdminSessionController {

    private final AdminTokens tokens;
    private final JwtAdminAuthenticator authenticator;
    private final Duration ticketLifetime;

    AdminSessionController(AdminTokens tokens, JwtAdminAuthenticator authenticator, Duration ticketLifetime) {
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.ticketLifetime = ticketLifetime;
    }

    @PostMapping(path = "/api/v1/admin/chat/stream-ticket", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<AdminTokens.StreamTicket> streamTicket(AuthenticatedAdmin admin) {
        return ApiResponse.ok(tokens.issueStreamTicket(admin.admin().id(), ticketLifetime));
    }

    @PostMapping(path = "/api/v1/admin/sign-out", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<SignedOut> signOut(HttpServletRequest request) {
        authenticator.signOut(request);
        return ApiResponse.ok(new SignedOut(true));
    }

    /**
     * The answer to a sign-out.
     *
     * @param revoked always true: the token is refused from now on
     */
    public record SignedOut(boolean revoked) {}
}
