package dev.parley.examples.demo.auth;

import dev.parley.examples.demo.ApiResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Checks the bearer token of the demo's own admin endpoints. */
public final class DemoAuth {

    private static final String BEARER = "Bearer ";

    private DemoAuth() {}

    /** The admin id of a valid {@code Authorization: Bearer} header. */
    public static Optional<String> adminId(DemoTokens tokens, @Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return tokens.verify(authorization.substring(BEARER.length()).trim());
    }

    /** The 401 answer. */
    public static ResponseEntity<ApiResponse> refused() {
        return ApiResponse.error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "sign in as an admin first");
    }
}
