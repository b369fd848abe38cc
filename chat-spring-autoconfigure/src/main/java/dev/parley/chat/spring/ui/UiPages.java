package dev.parley.chat.spring.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills in the two unversioned entry files as they are served: widget.js learns the versioned folder of its
 * stylesheet, and the dashboard's index.html gets versioned links and its configuration (API base, sign-in mode,
 * CSRF token). Served raw from the jar by another server, both work with their unversioned defaults.
 */
final class UiPages implements ResourceTransformer {

    private static final String VERSION_MARKER = "/*parley:version*/''";
    private static final String API_MARKER = "/*parley:api*/''";
    private static final String CONFIG_MARKER = "<meta name=\"parley-config\" content=\"{}\">";
    private static final Pattern LOCAL_LINK =
            Pattern.compile("(href|src)=\"((?:js/)?[A-Za-z0-9_.-]+\\.(?:css|js|svg))\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UiAssets assets;
    private final ParleyUiProperties.Admin admin;
    private final boolean sessionSignIn;

    UiPages(UiAssets assets, ParleyUiProperties.Admin admin, boolean sessionSignIn) {
        this.assets = assets;
        this.admin = admin;
        this.sessionSignIn = sessionSignIn;
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        Resource r = chain.transform(request, resource);
        String name = r.getFilename();
        if ("widget.js".equals(name)) {
            String js = r.getContentAsString(StandardCharsets.UTF_8);
            js = js.replace(VERSION_MARKER, "'" + assets.version() + "/'")
                    .replace(API_MARKER, "'" + request.getContextPath() + "/api/v1'");
            return new TransformedResource(r, js.getBytes(StandardCharsets.UTF_8));
        }
        if ("index.html".equals(name)) {
            String html = r.getContentAsString(StandardCharsets.UTF_8);
            Matcher m = LOCAL_LINK.matcher(html);
            html = m.replaceAll(x -> x.group(1) + "=\"../" + assets.version() + "/admin/" + x.group(2) + "\"");
            String config = HtmlUtils.htmlEscape(JSON.writeValueAsString(config(request)));
            html = html.replace(CONFIG_MARKER, "<meta name=\"parley-config\" content=\"" + config + "\">");
            return new TransformedResource(r, html.getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    private Map<String, Object> config(HttpServletRequest request) {
        String context = request.getContextPath();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("api", context + "/api/v1");
        c.put("signIn", sessionSignIn ? "session" : "token");
        c.put("loginUrl", link(context, admin.loginUrl()));
        c.put("logoutUrl", link(context, admin.logoutUrl()));
        c.put("emailsUrl", link(context, admin.emailsUrl()));
        Object csrf = request.getAttribute("_csrf");
        if (csrf != null) {
            BeanWrapperImpl token = new BeanWrapperImpl(csrf);
            c.put("csrfHeader", token.getPropertyValue("headerName"));
            c.put("csrfToken", token.getPropertyValue("token"));
        }
        return c;
    }

    /** A site-relative URL gets the context path; absolute ones stay. */
    private static @Nullable String link(String context, String url) {
        if (url.isBlank()) {
            return null;
        }
        return url.startsWith("/") && !url.startsWith("//") ? context + url : url;
    }
}
