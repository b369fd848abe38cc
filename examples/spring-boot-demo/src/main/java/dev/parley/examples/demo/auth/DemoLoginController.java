package dev.parley.examples.demo.auth;

import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.spring.security.AdminTokens;
import dev.parley.examples.demo.ApiResponse;
import dev.parley.examples.demo.DemoProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's sign-in: an admin of the directory and the demo password ({@code demo.admin-password}) get a token for
 * Parley's admin API, issued by Parley's {@link AdminTokens}. The dashboard of chat-ui posts its sign-in form here
 * ({@code parley.ui.admin.login-url}). A real host signs its staff in its own way and then issues the token the same
 * way.
 *
 * <p>Failed sign-ins are throttled per admin id and per client address ({@code demo.login.*}); signing out in the
 * dashboard revokes the token ({@code POST /api/v1/admin/sign-out}).
 */
@RestController
public class DemoLoginController {

    private final AdminDirectory admins;
    private final AdminTokens tokens;
    private final DemoProperties properties;
    private final byte[] password;
    private final LoginThrottle throttle;

    /** Creates the controller. */
    public DemoLoginController(AdminDirectory admins, AdminTokens tokens, DemoProperties properties) {
        this.admins = admins;
        this.tokens = tokens;
        this.properties = properties;
        this.password = properties.adminPassword().getBytes(StandardCharsets.UTF_8);
        DemoProperties.LoginProperties login = properties.login();
        this.throttle = new LoginThrottle(login.maxFailuresPerAdmin(), login.maxFailuresPerAddress(),
                login.window(), Clock.systemUTC());
    }

    /**
     * Exchanges an admin id and the demo password for a token; after too many failures for the admin or from the
     * address, answers 429 (with {@code Retry-After}) without checking the password.
     */
    @PostMapping("/demo/api/login")
    public ResponseEntity<ApiResponse> login(@RequestBody(required = false) @Nullable LoginRequest request,
            HttpServletRequest http) {
        if (request == null || request.adminId() == null || request.password() == null) {
            return ApiResponse.error(HttpStatus.BAD_REQUEST, "VALIDATION", "adminId and password are required");
        }
        Optional<Admin> admin = admins.find(request.adminId().trim());
        Optional<String> adminId = admin.map(Admin::id);
        String address = http.getRemoteAddr();
        Optional<Duration> wait = throttle.wait(address, adminId);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            ResponseEntity<ApiResponse> refused = ApiResponse.error(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "too many failed sign-ins; try again in " + seconds + " seconds");
            return ResponseEntity.status(refused.getStatusCode()).header(HttpHeaders.RETRY_AFTER,
                    Long.toString(seconds)).body(refused.getBody());
        }
        boolean passwordOk = MessageDigest.isEqual(password, request.password().getBytes(StandardCharsets.UTF_8));
        if (admin.isEmpty() || !passwordOk) {
            throttle.failed(address, adminId);
            return ApiResponse.error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "unknown admin or wrong password");
        }
        throttle.succeeded(admin.get().id());
        Instant expires = Instant.now().plus(properties.tokenLifetime());
        String token = tokens.issue(admin.get().id(), properties.tokenLifetime());
        return ApiResponse.ok(new LoginAnswer(token, expires.toString(), view(admin.get())));
    }

    private static AdminView view(Admin a) {
        return new AdminView(a.id(), a.name(), a.email(), a.role());
    }

    /**
     * A sign-in request.
     *
     * @param adminId  the admin's id
     * @param password the demo password
     */
    public record LoginRequest(@Nullable String adminId, @Nullable String password) {}

    /**
     * A successful sign-in.
     *
     * @param token     the bearer token for the admin API
     * @param expiresAt when it expires (ISO-8601)
     * @param admin     who signed in
     */
    public record LoginAnswer(String token, String expiresAt, AdminView admin) {}

    /**
     * An admin as the dashboard shows them.
     *
     * @param id    the id
     * @param name  the display name
     * @param email the email, if any
     * @param role  the role
     */
    public record AdminView(String id, String name, @Nullable String email, String role) {}
}
