package dev.parley.examples.demo;

import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the widget and the dashboard are and how to sign in, once the server is up. */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final AdminDirectory admins;
    private final DemoProperties properties;

    StartupBanner(AdminDirectory admins, DemoProperties properties) {
        this.admins = admins;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + web.getWebServer().getPort()
                + env.getProperty("server.servlet.context-path", "");
        String ids = admins.all().stream().map(Admin::id).collect(Collectors.joining(" or "));
        boolean capturing = env.getProperty(DemoEnvironment.CAPTURE_ENABLED, Boolean.class, true);
        String mail = capturing
                ? "captured by the embedded SMTP server (127.0.0.1:" + env.getProperty(DemoEnvironment.CAPTURE_PORT)
                        + "), shown in the dashboard under Emails"
                : "sent through " + env.getProperty(DemoEnvironment.MAIL_HOST);
        String secret = env.getProperty(DemoEnvironment.SECRET_GENERATED, Boolean.class, false)
                ? "generated for this run (sign-ins end when the demo stops)"
                : "from parley.security.jwt-secret";
        log.info("""

                ==================================================================
                  Parley demo is running
                    Chat widget (the visitor's page): {}/
                    Admin dashboard:                  {}/parley/admin/
                    Sign in as {} with the password "{}"
                    Emails: {}
                    Token secret: {}
                    Data: {} (delete it to start afresh)
                ==================================================================""",
                base, base, ids.isEmpty() ? "(no admins configured)" : ids, properties.adminPassword(), mail, secret,
                Path.of(properties.dataDir()).toAbsolutePath().normalize());
    }
}
