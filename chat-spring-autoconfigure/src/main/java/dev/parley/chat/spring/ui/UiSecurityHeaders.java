package dev.parley.chat.spring.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of the dashboard's pages and files: a strict Content-Security-Policy (scripts and styles from the
 * application only, no inline script; inline styles only when the Emails page shows email bodies), frame-ancestors
 * as configured, no MIME sniffing, no referrer to other sites.
 */
final class UiSecurityHeaders extends OncePerRequestFilter {

    private final String policy;

    UiSecurityHeaders(ParleyUiProperties.Admin admin) {
        String styles = admin.emailsUrl().isBlank() ? "'self'" : "'self' 'unsafe-inline'";
        this.policy = "default-src 'self'; script-src 'self'; style-src " + styles
                + "; img-src 'self' data: blob: https:; connect-src 'self'; frame-src 'self'; object-src 'none'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors " + admin.frameAncestors().strip();
    }

    String policy() {
        return policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
