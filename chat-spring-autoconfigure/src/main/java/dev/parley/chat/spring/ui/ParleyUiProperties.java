package dev.parley.chat.spring.ui;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The widget and the dashboard under {@code parley.ui.*}.
 *
 * @param enabled      whether to serve the widget and the dashboard of chat-ui (when chat-ui is on the classpath)
 * @param path         the URL path they are served under: the widget at {path}/widget.js, the dashboard at
 *                     {path}/admin/
 * @param entryMaxAge  how long browsers may cache the unversioned entry files (widget.js and the like); the
 *                     versioned files under {path}/{content hash}/ are cached for a year
 * @param admin        the dashboard
 */
@ConfigurationProperties("parley.ui")
public record ParleyUiProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/parley") String path,
        @DefaultValue("5m") Duration entryMaxAge,
        @DefaultValue Admin admin) {

    /** The path without a trailing slash, starting with one. */
    String basePath() {
        String p = path.strip().replaceAll("/+$", "");
        return p.startsWith("/") ? p : "/" + p;
    }

    /**
     * The admin dashboard.
     *
     * @param enabled        whether to serve the dashboard at {path}/admin/
     * @param signIn         how admins sign in: {@code auto} (Spring Security's session when it authenticates admins,
     *                       tokens otherwise), {@code token} (the dashboard's form posts to login-url and keeps the
     *                       bearer token it answers) or {@code session} (the host's own login and session cookie)
     * @param loginUrl       token mode: the URL the sign-in form posts {@code {adminId, password}} to, answering
     *                       {@code {data: {token, admin}}}; session mode: the host's login page the dashboard
     *                       sends signed-out admins to
     * @param logoutUrl      session mode: the URL the dashboard posts to when signing out (e.g. {@code /logout});
     *                       empty hides the sign-out button
     * @param emailsUrl      an endpoint listing sent emails (GET) and clearing them (DELETE) that the dashboard shows
     *                       as its Emails page; empty hides the page
     * @param frameAncestors the Content-Security-Policy frame-ancestors of the dashboard pages: who may frame them
     */
    public record Admin(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("auto") String signIn,
            @DefaultValue("") String loginUrl,
            @DefaultValue("") String logoutUrl,
            @DefaultValue("") String emailsUrl,
            @DefaultValue("'none'") String frameAncestors) {}
}
