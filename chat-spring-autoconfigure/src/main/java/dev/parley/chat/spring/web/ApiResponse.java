package dev.parley.chat.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of every JSON answer: {@code {"success": true, "data": …}} or
 * {@code {"success": false, "error": {"code": …, "message": …}}}.
 *
 * @param success whether the request succeeded
 * @param data    the answer, on success
 * @param error   what went wrong, on failure
 * @param <T>     the type of the answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, @Nullable T data, @Nullable ApiError error) {

    /** A successful answer. */
    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    /** A failed answer. */
    public static ApiResponse<Void> failure(String code, String message) {
        return new ApiResponse<>(false, null, new ApiError(code, message));
    }

    /**
     * What went wrong.
     *
     * @param code    a stable code: an {@link dev.parley.chat.ErrorCode} name, or {@code METHOD_NOT_ALLOWED},
     *                {@code NOT_ACCEPTABLE}, {@code SERVICE_UNAVAILABLE}, {@code INTERNAL}
     * @param message what to fix, for people
     */
    public record ApiError(String code, String message) {}
}
