package dev.parley.chat.spring.web;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure of a Parley endpoint into the JSON envelope with the status of its {@link ErrorCode}: typed
 * errors of the core, unreadable input (400 with what to fix), oversized bodies and uploads (413), a database out of
 * reach (503) and unexpected errors (500 without internals). Requests that are not Parley's are left to the
 * application's own error handling.
 */
final class ParleyErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ParleyErrorResolver.class);

    private final JsonMapper json;
    private final List<String> pathPrefixes;
    private final long maxUploadBytes;

    /**
     * @param pathPrefixes   the paths served by Parley (errors before a handler is found are answered for these)
     * @param maxUploadBytes the upload limit, named in the 413 message
     */
    ParleyErrorResolver(JsonMapper json, List<String> pathPrefixes, long maxUploadBytes) {
        this.json = json;
        this.pathPrefixes = List.copyOf(pathPrefixes);
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        if (!isParley(request, handler)) {
            return null;
        }
        if (ex instanceof AsyncRequestNotUsableException) {
            return new ModelAndView(); // the client went away; nothing to answer
        }
        if (response.isCommitted()) {
            if (!(ex instanceof AsyncRequestTimeoutException)) {
                log.debug("Error after the response was committed on {}", request.getRequestURI(), ex);
            }
            return new ModelAndView();
        }
        Failure failure = classify(request, ex);
        try {
            response.resetBuffer();
            response.setStatus(failure.status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            if (ex instanceof RateLimitedException r) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
            }
            if (failure.status == 401) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parley\"");
            }
            if (ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ",
                        m.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            }
            if (failure.status == 413) {
                response.setHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
            }
            json.writeValue(response.getOutputStream(), ApiResponse.failure(failure.code, failure.message));
            if (failure.status == 413) {
                response.flushBuffer(); // answer now, before the server drains what the client still sends
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not write the error answer for {}", request.getRequestURI(), e);
        }
        return new ModelAndView();
    }

    private boolean isParley(HttpServletRequest request, @Nullable Object handler) {
        if (handler instanceof HandlerMethod method) {
            return method.getBeanType().getPackageName().startsWith("dev.parley.chat.spring");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : pathPrefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private Failure classify(HttpServletRequest request, Exception ex) {
        if (DatabaseFailures.unreachable(ex)) {
            return new Failure(503, "SERVICE_UNAVAILABLE", "the database cannot be reached; try again shortly");
        }
        if (ex instanceof ParleyException p) {
            return new Failure(status(p.code()), p.code().name(), p.getMessage());
        }
        String tooLarge = InputErrors.tooLarge(ex);
        if (tooLarge != null) {
            return new Failure(413, ErrorCode.TOO_LARGE.name(), tooLarge);
        }
        if (ex instanceof HttpMessageNotReadableException e) {
            return invalid(InputErrors.unreadableBody(e));
        }
        if (ex instanceof MethodArgumentTypeMismatchException e) {
            return invalid(InputErrors.parameterType(e));
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return invalid("parameter '" + e.getParameterName() + "' is required");
        }
        if (ex instanceof MissingServletRequestPartException e) {
            return invalid("multipart part '" + e.getRequestPartName() + "' is required");
        }
        if (ex instanceof ServletRequestBindingException e) {
            return invalid(e.getMessage());
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return new Failure(413, ErrorCode.TOO_LARGE.name(), "the file is larger than the upload limit of "
                    + InputErrors.bytes(maxUploadBytes));
        }
        if (ex instanceof MultipartException) {
            return invalid("the request must be multipart/form-data with a 'file' part");
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return new Failure(415, ErrorCode.UNSUPPORTED_TYPE.name(), "Content-Type '" + e.getContentType()
                    + "' is not supported here; supported: " + e.getSupportedMediaTypes());
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return new Failure(405, "METHOD_NOT_ALLOWED", "method " + e.getMethod() + " is not supported here; "
                    + "supported: " + e.getSupportedHttpMethods());
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return new Failure(406, "NOT_ACCEPTABLE", "this endpoint answers application/json");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return new Failure(404, ErrorCode.NOT_FOUND.name(), "no such endpoint: " + request.getMethod() + " "
                    + request.getRequestURI());
        }
        if (ex instanceof AsyncRequestTimeoutException) {
            return new Failure(503, "SERVICE_UNAVAILABLE", "the request timed out");
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return new Failure(500, "INTERNAL", "an unexpected error occurred; it has been logged");
    }

    private static Failure invalid(String message) {
        return new Failure(400, ErrorCode.VALIDATION.name(), message);
    }

    /** The HTTP status of an error code. */
    static int status(ErrorCode code) {
        switch (code) {
            case VALIDATION:
                return HttpStatus.BAD_REQUEST.value();
            case UNAUTHENTICATED:
                return HttpStatus.UNAUTHORIZED.value();
            case FORBIDDEN:
                return HttpStatus.FORBIDDEN.value();
            case NOT_FOUND:
                return HttpStatus.NOT_FOUND.value();
            case CONFLICT:
                return HttpStatus.CONFLICT.value();
            case TOO_LARGE:
                return HttpStatus.CONTENT_TOO_LARGE.value();
            case UNSUPPORTED_TYPE:
                return HttpStatus.UNSUPPORTED_MEDIA_TYPE.value();
            case RATE_LIMITED:
                return HttpStatus.TOO_MANY_REQUESTS.value();
            case STORAGE_UNAVAILABLE:
                return HttpStatus.SERVICE_UNAVAILABLE.value();
            default:
                return HttpStatus.INTERNAL_SERVER_ERROR.value();
        }
    }

    private record Failure(int status, String code, String message) {}
}
