package dev.parley.chat.spring.web;

import dev.parley.chat.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the public visitor {@code POST} endpoints read a JSON body sent as {@code text/plain} (any charset) or without
 * a {@code Content-Type}, as browser code that posts with {@code fetch} and no headers does: the request goes on as if
 * it were {@code application/json}. Such a request is "simple" and skips the browser's CORS preflight, so it is
 * accepted only without an {@code Origin}, from the server's own origin or from an allowed widget origin
 * ({@code parley.web.cors.allowed-origins}); from any other origin it is refused with 403 in the API envelope.
 * Other content types pass untouched (JSON as always, anything else 415).
 */
final class PlainJsonVisitorFilter extends OncePerRequestFilter {

    /** The endpoints that take a JSON body from visitors, below the context path. */
    static final List<String> PATHS = List.of("/api/v1/chat", "/api/v1/chat/rate");

    private final CorsConfiguration origins = new CorsConfiguration();

    /** @param allowedOrigins the allowed widget origins, as configured for CORS */
    PlainJsonVisitorFilter(List<String> allowedOrigins) {
        origins.setAllowedOrigins(allowedOrigins);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !HttpMethod.POST.matches(request.getMethod()) || !PATHS.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType declared;
        try {
            declared = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            chain.doFilter(request, response); // answered 415 by the endpoint, as any other unsupported type
            return;
        }
        if (declared != null && !MediaType.TEXT_PLAIN.equalsTypeAndSubtype(declared)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !accepted(request, origin)) {
            refuse(response, origin);
            return;
        }
        Charset charset = declared == null ? null : declared.getCharset();
        MediaType json = charset == null ? MediaType.APPLICATION_JSON
                : new MediaType(MediaType.APPLICATION_JSON, charset);
        chain.doFilter(new JsonRequest(request, json.toString()), response);
    }

    private boolean accepted(HttpServletRequest request, String origin) {
        try {
            return !CorsUtils.isCorsRequest(request) || origins.checkOrigin(origin) != null;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String origin) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(ParleyJsonConverter.MAPPER.writeValueAsBytes(ApiResponse.failure(
                ErrorCode.FORBIDDEN.name(), "a body that is not sent as application/json is accepted only from this "
                        + "site or an allowed widget origin (parley.web.cors.allowed-origins), not from "
                        + shorten(origin))));
    }

    private static String shorten(String origin) {
        return origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
    }

    /** The request with its Content-Type replaced by {@code application/json}. */
    private static final class JsonRequest extends HttpServletRequestWrapper {

        private final String contentType;

        JsonRequest(HttpServletRequest request, String contentType) {
            super(request);
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(contentType))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            if (names.stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
                names.add(HttpHeaders.CONTENT_TYPE);
            }
            return Collections.enumeration(names);
        }
    }
}
