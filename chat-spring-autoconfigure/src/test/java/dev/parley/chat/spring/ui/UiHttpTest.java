package dev.parley.chat.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.security.AdminTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The widget and the dashboard served by a real server: URLs, caching, security headers, the admin's profile. */
@SpringBootTest(classes = UiHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parley.store=memory",
            "parley.admins[0].id=alice",
            "parley.admins[0].name=Alice Admin",
            "parley.admins[1].id=bob",
            "parley.admins[1].name=Bob Sales",
            "parley.security.jwt-secret=a-test-secret-that-is-long-enough-for-hs256!",
            "parley.ui.admin.login-url=/host/login",
            "parley.ui.admin.frame-ancestors=https://intranet.example.test",
            "spring.main.banner-mode=off",
            "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class UiHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSIONED_CSS = Pattern.compile("href=\"\\.\\./([0-9a-f]{12})/admin/admin\\.css\"");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}

    @LocalServerPort
    int port;

    @Autowired
    UiAssets assets;

    @Autowired
    AdminTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theEntryScriptIsShortCachedAndNamesItsVersionedStylesheetAndTheApi() throws Exception {
        HttpResponse<String> res = get("/parley/widget.js");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
        assertThat(res.body()).contains("var VERSION = '" + assets.version() + "/';")
                .contains("var API_PATH = '/api/v1';");
    }

    @Test
    void versionedFilesAreCachedForAYear() throws Exception {
        HttpResponse<String> css = get("/parley/" + assets.version() + "/widget.css");
        HttpResponse<String> module = get("/parley/" + assets.version() + "/admin/js/api.js");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".parley-launcher");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
    }

    @Test
    void theDashboardPageHasStrictSecurityHeadersVersionedLinksAndItsConfiguration() throws Exception {
        HttpResponse<String> res = get("/parley/admin/");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(res.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
                        "frame-ancestors https://intranet.example.test")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Matcher css = VERSIONED_CSS.matcher(res.body());
        assertThat(css.find()).isTrue();
        assertThat(css.group(1)).isEqualTo(assets.version());
        assertThat(res.body()).contains("src=\"../" + assets.version() + "/admin/js/app.js\"");
        JsonNode config = JSON.readTree(HtmlUtils.htmlUnescape(
                res.body().replaceAll("(?s).*<meta name=\"parley-config\" content=\"([^\"]*)\">.*", "$1")));
        assertThat(config.get("api").asString()).isEqualTo("/api/v1");
        assertThat(config.get("signIn").asString()).isEqualTo("token");
        assertThat(config.get("loginUrl").asString()).isEqualTo("/host/login");
    }

    @Test
    void theDashboardWithoutItsSlashRedirects() throws Exception {
        HttpResponse<String> res = get("/parley/admin");

        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/parley/admin/"));
    }

    @Test
    void theSignedInAdminGetsTheirProfileAndTheirColleagues() throws Exception {
        HttpResponse<String> res = http.send(request("/api/v1/admin/me")
                .header("Authorization", "Bearer " + tokens.issue("bob", Duration.ofMinutes(5))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(res.body()).get("data");
        assertThat(data.get("admin").get("name").asString()).isEqualTo("Bob Sales");
        assertThat(data.get("admins").findValuesAsString("id")).containsExactly("alice", "bob");
    }

    @Test
    void theProfileNeedsASignedInAdmin() throws Exception {
        HttpResponse<String> res = get("/api/v1/admin/me");

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(res.body()).get("error").get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aMissingFileIsNotFound() throws Exception {
        assertThat(get("/parley/" + assets.version() + "/nothing.js").statusCode()).isEqualTo(404);
        assertThat(get("/parley/../application.properties").statusCode()).isIn(400, 404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }
}
