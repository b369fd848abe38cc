package dev.parley.chat.mail;

/** How the connection to the SMTP server is protected. */
public enum MailSecurity {
    /** Plain SMTP, no encryption (local relays and tests only). Default port 25. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS, which is required (the usual submission port). Default port 587. */
    STARTTLS(587),
    /** TLS from the first byte ("SMTPS", implicit TLS). Default port 465. */
    SSL(465);

    private final int defaultPort;

    MailSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port usually used with this kind of security. */
    public int defaultPort() {
        return defaultPort;
    }
}
