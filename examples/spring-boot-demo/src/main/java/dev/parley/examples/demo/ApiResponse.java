package dev.parley.examples.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The JSON envelope of the demo's own endpoints, the same as Parley's API:
 * {@code {"success": true, "data": …}} or {@code {"success": false, "error": {"code": …, "message": …}}}.
 *
 * @param success whether the call succeeded
 * @param data    the answer, on success
 * @param error   what went wrong, on failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse(boolean success, @Nullable Object data, @Nullable Error error) {

    /** A success with data. */
    public static ResponseEntity<ApiResponse> ok(Object data) {
        return ResponseEntity.ok(new ApiResponse(true, data, null));
    }

    /** A failure with a status, a stable code and a message. */
    public static ResponseEntity<ApiResponse> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiResponse(false, null, new Error(code, message)));
    }

    /** The 401 answer of the demo's admin endpoints. */
    public static ResponseEntity<ApiResponse> unauthenticated() {
        return error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "sign in as an admin first");
    }

    /**
     * What went wrong.
     *
     * @param code    a stable code, e.g. {@code UNAUTHENTICATED}
     * @param message what to fix
     */
    public record Error(String code, String message) {}
}
