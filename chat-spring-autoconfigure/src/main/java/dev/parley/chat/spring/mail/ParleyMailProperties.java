package dev.parley.chat.spring.mail;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email notifications under {@code parley.mail.*}; setting {@code host} switches them on (with chat-mail on the
 * classpath).
 *
 * @param host             the SMTP server; setting it switches email on
 * @param port             the SMTP port; 0 picks the usual port of the security mode (25, 587 or 465)
 * @param username         the SMTP user; empty sends without authentication
 * @param password         the SMTP password; never commit it
 * @param security         none, starttls (required) or ssl (implicit TLS)
 * @param fromAddress      the sender's address, e.g. support@example.com (required with a host)
 * @param fromName         the sender's display name (default: the branding's product name)
 * @param connectTimeout   the longest wait to open the connection
 * @param readTimeout      the longest wait for an answer of the server
 * @param writeTimeout     the longest wait to write to the server
 * @param dashboardUrl     the admin dashboard's URL for links to a chat; {chatId} is replaced by the chat's id,
 *                         otherwise chat=id is added to the query
 * @param templateLocation where your own templates are looked up first: classpath:prefix, file:/dir or a directory
 * @param branding         how the emails look
 */
@ConfigurationProperties("parley.mail")
public record ParleyMailProperties(
        @Nullable String host,
        @DefaultValue("0") int port,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("starttls") Security security,
        @Nullable String fromAddress,
        @Nullable String fromName,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("30s") Duration writeTimeout,
        @DefaultValue("http://localhost:8080/admin") String dashboardUrl,
        @Nullable String templateLocation,
        @DefaultValue Branding branding) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain SMTP (local relays and tests only). */
        NONE,
        /** STARTTLS, required. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        SSL
    }

    /**
     * How the emails look.
     *
     * @param productName  the product name in subjects, headers and footers
     * @param primaryColor a CSS colour for headings and buttons (#rgb, #rrggbb or a name)
     * @param logoUrl      an absolute http(s) URL of a logo image
     */
    public record Branding(
            @DefaultValue("Parley") String productName,
            @DefaultValue("#2563eb") String primaryColor,
            @Nullable String logoUrl) {}

    /** Hides the password. */
    @Override
    public String toString() {
        return "ParleyMailProperties[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "unset" : "***") + ", security=" + security + ", fromAddress=" + fromAddress
                + "]";
    }
}
