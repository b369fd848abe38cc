package dev.parley.examples.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's own settings ({@code demo.*}).
 *
 * @param dataDir       where the H2 database and the uploads are kept (default {@code ./data})
 * @param adminPassword the password every admin of the demo signs in with (default {@code demo})
 * @param tokenLifetime how long a sign-in lasts (default 1 hour; signing out revokes the token earlier)
 * @param mailCapture   the embedded SMTP server
 * @param login         the sign-in throttle
 */
@ConfigurationProperties("demo")
public record DemoProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("demo") String adminPassword,
        @DefaultValue("1h") Duration tokenLifetime,
        @DefaultValue MailCaptureProperties mailCapture,
        @DefaultValue LoginProperties login) {

    /**
     * The embedded SMTP server that captures Parley's emails.
     *
     * @param enabled whether to run it (default true; off when {@code parley.mail.host} is configured)
     * @param port    its port (default: a free one, chosen at start-up)
     */
    public record MailCaptureProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port) {}

    /**
     * Failed sign-ins allowed in a sliding window before further attempts answer 429.
     *
     * @param maxFailuresPerAdmin   failures for one admin id, from any address (default 5)
     * @param maxFailuresPerAddress failures from one client address, for any ids (default 20)
     * @param window                the window (default 15 minutes)
     */
    public record LoginProperties(
            @DefaultValue("5") int maxFailuresPerAdmin,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window) {}
}
