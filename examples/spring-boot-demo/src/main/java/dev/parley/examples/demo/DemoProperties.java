package dev.parley.examples.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's own settings ({@code demo.*}).
 *
 * @param dataDir       where the H2 database and the uploads are kept (default {@code ./data})
 * @param adminPassword the password every admin of the demo signs in with (default {@code demo})
 * @param tokenLifetime how long a sign-in lasts (default 12 hours)
 * @param mailCapture   the embedded SMTP server
 */
@ConfigurationProperties("demo")
public record DemoProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("demo") String adminPassword,
        @DefaultValue("12h") Duration tokenLifetime,
        @DefaultValue MailCaptureProperties mailCapture) {

    /**
     * The embedded SMTP server that captures Parley's emails.
     *
     * @param enabled whether to run it (default true; off when {@code parley.mail.host} is configured)
     * @param port    its port (default: a free one, chosen at start-up)
     */
    public record MailCaptureProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port) {}
}
