package dev.parley.chat.spring.springsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.http.Api;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form-login recipe of docs/spring-boot.md, exactly as written there, over real HTTP: a browser-like client with
 * cookies signs in on the login page and calls the admin API with its session cookie and the CSRF token.
 */
@SpringBootTest(classes = FormLoginRecipeTest.FormLoginHost.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "parley.store=memory",
                "parley.admins[0].id=alice",
                "parley.admins[0].name=Alice Admin",
                "spring.main.banner-mode=off",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class FormLoginRecipeTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void visitorsReachThePageAndThePublicApiWithoutLoggingIn() {
        HttpResponse<String> page = send(get("/"));
        HttpResponse<String> start = send(json("POST", "/api/v1/chat",
                Map.of("visitorName", "Ada", "message", "hi")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    }

    @Test
    void aSignedInAdminReadsWithTheSessionCookieAndWritesWithTheCsrfToken() {
        signIn("alice");

        HttpResponse<String> list = send(get("/api/v1/admin/chat"));
        HttpResponse<String> withoutToken = send(json("POST", "/api/v1/admin/presence", Map.of("isOnline", true)));
        HttpResponse<String> withToken = send(json("POST", "/api/v1/admin/presence", Map.of("isOnline", true))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(JSON.readTree(withToken.body()).at("/data/userId").asString()).isEqualTo("alice");
    }

    @Test
    void theApiAnswers401InsteadOfRedirectingToTheLoginPage() {
        HttpResponse<String> api = send(get("/api/v1/admin/chat"));
        HttpResponse<String> page = send(get("/account").header("Accept", "text/html"));

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aSignedInUserWithoutTheAuthorityIs403InTheEnvelope() {
        signIn("carol");

        HttpResponse<String> list = send(get("/api/v1/admin/chat"));

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(list.body()).at("/error/message").asString()).contains("ROLE_PARLEY_ADMIN");
    }

    private void signIn(String user) {
        HttpResponse<String> loginPage = send(get("/login"));
        Matcher csrf = CSRF_FIELD.matcher(loginPage.body());
        assertThat(csrf.find()).as(loginPage.body()).isTrue();
        String form = "username=" + user + "&password=pw-" + user + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(request("/login").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder json(String method, String path, Object body) {
        return request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({RecipeHosts.Users.class, RecipeHosts.HomePage.class})
    static class FormLoginHost {

        // docs/spring-boot.md, "Form login": keep the two equal
        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http
                    .authorizeHttpRequests(a -> a
                            .requestMatchers("/", "/parley/**", "/error").permitAll()
                            .anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .csrf(c -> c.spa())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                            PathPatternRequestMatcher.pathPattern("/api/**")))
                    .build();
        }
    }
}
