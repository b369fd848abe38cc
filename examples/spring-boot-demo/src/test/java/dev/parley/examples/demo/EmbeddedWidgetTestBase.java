package dev.parley.examples.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's server with a host site on another origin allowed by CORS (the context is shared by the subclasses,
 * which have exactly this configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EmbeddedWidgetTestBase {

    static final HostSite SITE = HostSite.start();
    private static final Path DATA = tempDirectory();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("demo.data-dir", DATA::toString);
        registry.add("parley.web.cors.allowed-origins", SITE::origin);
        registry.add("parley.webhooks.allow-private-targets", () -> "true"); // WebhooksBrowserTest's local receiver
    }

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    Browser visitor;
    Browser admin;

    @BeforeEach
    void embedTheWidget() {
        SITE.embed(base() + "/parley/widget.js");
    }

    @AfterEach
    void closeBrowsers() {
        if (visitor != null) {
            visitor.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "embedded-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
