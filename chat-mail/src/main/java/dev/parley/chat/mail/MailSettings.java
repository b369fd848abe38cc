package dev.parley.chat.mail;

import jakarta.mail.internet.AddressException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link MailNotifier} reaches the SMTP server and what its emails look like. Build one with {@link #builder()};
 * every value but the from address has a default.
 *
 * @param host             the SMTP server (default {@code localhost})
 * @param port             its port; 0 picks the usual port of {@code security} (25, 587 or 465)
 * @param username         the SMTP user, or null to send without authentication
 * @param password         the SMTP password (only used with a username); never printed by {@link #toString()}
 * @param security         plain, STARTTLS (required, default) or implicit TLS
 * @param fromAddress      the sender's address, e.g. {@code support@example.com} (required)
 * @param fromName         the sender's display name (default: the branding's product name)
 * @param connectTimeout   the longest wait to open the connection (default 10 s)
 * @param readTimeout      the longest wait for any answer of the server (default 30 s)
 * @param writeTimeout     the longest wait to write to the server (default 30 s)
 * @param dashboardUrl     the admin dashboard's base URL, for links to a chat (default
 *                         {@code http://localhost:8080/admin}); see {@link #chatUrl(long)}
 * @param branding         product name, colour and logo
 * @param templateLocation where the host's own templates are looked up before the built-in ones, or null:
 *                         {@code classpath:some/prefix} or a directory ({@code file:/etc/parley/mail} or a plain
 *                         path)
 */
public record MailSettings(
        String host,
        int port,
        @Nullable String username,
        @Nullable String password,
        MailSecurity security,
        String fromAddress,
        String fromName,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        String dashboardUrl,
        MailBranding branding,
        @Nullable String templateLocation) {

    /** The placeholder in {@link #dashboardUrl()} that {@link #chatUrl(long)} replaces with the chat's id. */
    public static final String CHAT_ID_PLACEHOLDER = "{chatId}";

    /** Checks every value and fills in the defaults of {@code port} (0) and {@code fromName} (blank). */
    public MailSettings {
        host = MailChecks.requiredLine(host, "host");
        Objects.requireNonNull(security, "security");
        if (port == 0) {
            port = security.defaultPort();
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        username = username == null || username.isBlank() ? null : MailChecks.requiredLine(username, "username");
        password = username == null ? null : password;
        Objects.requireNonNull(fromAddress, "fromAddress");
        try {
            fromAddress = MailChecks.address(fromAddress).getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("fromAddress '" + fromAddress + "' is not a valid email address: "
                    + e.getMessage(), e);
        }
        Objects.requireNonNull(branding, "branding");
        fromName = fromName == null || fromName.isBlank()
                ? branding.productName()
                : MailChecks.requiredLine(fromName, "fromName");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(writeTimeout, "writeTimeout");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        MailChecks.httpUrl(dashboardUrl.replace(CHAT_ID_PLACEHOLDER, "0"), "dashboardUrl");
        dashboardUrl = dashboardUrl.strip();
        templateLocation = templateLocation == null || templateLocation.isBlank()
                ? null
                : MailChecks.requiredLine(templateLocation, "templateLocation");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** A builder with the defaults; only {@link Builder#fromAddress(String)} must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preloaded with these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The dashboard link to one chat: {@link #dashboardUrl()} with {@value #CHAT_ID_PLACEHOLDER} replaced by the id,
     * or, without the placeholder, the URL with {@code chat=<id>} added to its query.
     */
    public String chatUrl(long chatId) {
        if (dashboardUrl.contains(CHAT_ID_PLACEHOLDER)) {
            return dashboardUrl.replace(CHAT_ID_PLACEHOLDER, Long.toString(chatId));
        }
        int hash = dashboardUrl.indexOf('#');
        String base = hash < 0 ? dashboardUrl : dashboardUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : dashboardUrl.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + "chat=" + chatId + fragment;
    }

    /** Like the record's, but the password is masked. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + ", security=" + security + ", fromAddress=" + fromAddress
                + ", fromName=" + fromName + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + ", dashboardUrl=" + dashboardUrl + ", branding=" + branding
                + ", templateLocation=" + templateLocation + "]";
    }

    /** Builds {@link MailSettings}; see the record's components for each value and its default. */
    public static final class Builder {
        private String host = "localhost";
        private int port;
        private @Nullable String username;
        private @Nullable String password;
        private MailSecurity security = MailSecurity.STARTTLS;
        private @Nullable String fromAddress;
        private @Nullable String fromName;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private String dashboardUrl = "http://localhost:8080/admin";
        private MailBranding branding = MailBranding.DEFAULT;
        private @Nullable String templateLocation;

        private Builder() {}

        private Builder(MailSettings s) {
            host = s.host;
            port = s.port;
            username = s.username;
            password = s.password;
            security = s.security;
            fromAddress = s.fromAddress;
            fromName = s.fromName;
            connectTimeout = s.connectTimeout;
            readTimeout = s.readTimeout;
            writeTimeout = s.writeTimeout;
            dashboardUrl = s.dashboardUrl;
            branding = s.branding;
            templateLocation = s.templateLocation;
        }

        /** The SMTP server (default {@code localhost}). */
        public Builder host(String value) { host = value; return this; }

        /** Its port (default 0: the usual port of the security). */
        public Builder port(int value) { port = value; return this; }

        /** The SMTP user and password, or nulls for no authentication (the default). */
        public Builder credentials(@Nullable String user, @Nullable String secret) {
            username = user;
            password = secret;
            return this;
        }

        /** The connection's security (default STARTTLS). */
        public Builder security(MailSecurity value) { security = value; return this; }

        /** The sender's address (required). */
        public Builder fromAddress(String value) { fromAddress = value; return this; }

        /** The sender's display name (default: the product name). */
        public Builder fromName(@Nullable String value) { fromName = value; return this; }

        /** Connect, read and write timeouts (defaults 10 s, 30 s, 30 s). */
        public Builder timeouts(Duration connect, Duration read, Duration write) {
            connectTimeout = connect;
            readTimeout = read;
            writeTimeout = write;
            return this;
        }

        /** The admin dashboard's base URL (default {@code http://localhost:8080/admin}). */
        public Builder dashboardUrl(String value) { dashboardUrl = value; return this; }

        /** Product name, colour and logo (default {@link MailBranding#DEFAULT}). */
        public Builder branding(MailBranding value) { branding = value; return this; }

        /** Where the host's own templates are (default: none, the built-in ones are used). */
        public Builder templateLocation(@Nullable String value) { templateLocation = value; return this; }

        /** Checks and builds the settings. */
        public MailSettings build() {
            return new MailSettings(host, port, username, password, security,
                    Objects.requireNonNull(fromAddress, "fromAddress is required, e.g. support@example.com"),
                    fromName == null ? "" : fromName, connectTimeout, readTimeout, writeTimeout, dashboardUrl,
                    branding, templateLocation);
        }
    }
}
