package dev.parley.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fills in what the demo must not keep in its configuration files: a JWT secret generated at each start (unless one
 * is configured, so tokens do not survive a restart and no secret is ever committed), and, unless SMTP is
 * configured, the address of the embedded SMTP server that captures Parley's emails on a free local port.
 */
public final class DemoEnvironment implements EnvironmentPostProcessor, Ordered {

    /** The secret the admin API's tokens are signed with. */
    public static final String JWT_SECRET = "parley.security.jwt-secret";
    /** Parley's SMTP host. */
    public static final String MAIL_HOST = "parley.mail.host";
    /** Parley's SMTP port. */
    public static final String MAIL_PORT = "parley.mail.port";
    /** Parley's SMTP security mode. */
    public static final String MAIL_SECURITY = "parley.mail.security";
    /** Whether the demo captures emails with its embedded SMTP server (default true). */
    public static final String CAPTURE_ENABLED = "demo.mail-capture.enabled";
    /** The port of the embedded SMTP server, set here when capturing. */
    public static final String CAPTURE_PORT = "demo.mail-capture.port";
    /** Set to true when the JWT secret was generated at start-up. */
    public static final String SECRET_GENERATED = "demo.jwt-secret-generated";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!environment.containsProperty(JWT_SECRET)) {
            byte[] secret = new byte[48];
            RANDOM.nextBytes(secret);
            values.put(JWT_SECRET, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            values.put(SECRET_GENERATED, "true");
        }
        boolean capture = environment.getProperty(CAPTURE_ENABLED, Boolean.class, true);
        if (capture && !environment.containsProperty(MAIL_HOST)) {
            int port = environment.getProperty(CAPTURE_PORT, Integer.class, 0);
            if (port == 0) {
                port = freeLocalPort();
            }
            values.put(MAIL_HOST, "127.0.0.1");
            values.put(MAIL_PORT, port);
            values.put(MAIL_SECURITY, "none");
            values.put(CAPTURE_PORT, port);
        } else {
            values.put(CAPTURE_ENABLED, "false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("parleyDemoDefaults", values));
    }

    private static int freeLocalPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the demo's SMTP server", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
