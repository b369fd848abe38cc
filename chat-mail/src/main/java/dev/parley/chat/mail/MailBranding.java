package dev.parley.chat.mail;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How emails look: the product name (in subjects, headers and footers), the accent colour and an optional logo.
 *
 * @param productName  shown in emails, e.g. "Acme Support"
 * @param primaryColor a CSS colour: {@code #rgb}, {@code #rrggbb} (or with alpha) or a colour name
 * @param logoUrl      an absolute http(s) URL of a logo image, or null for none
 */
public record MailBranding(String productName, String primaryColor, @Nullable String logoUrl) {

    private static final Pattern COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
            + "|[a-zA-Z]{1,30}");

    /** Parley's own look: name "Parley", blue accent, no logo. */
    public static final MailBranding DEFAULT = new MailBranding("Parley", "#2563eb", null);

    /** Checks the values: they end up in subjects, CSS and links. */
    public MailBranding {
        productName = MailChecks.requiredLine(productName, "productName");
        Objects.requireNonNull(primaryColor, "primaryColor");
        primaryColor = primaryColor.strip();
        if (!COLOR.matcher(primaryColor).matches()) {
            throw new IllegalArgumentException("primaryColor '" + primaryColor
                    + "' must be a CSS colour like #2563eb, #fff or a name like teal");
        }
        logoUrl = logoUrl == null || logoUrl.isBlank() ? null : MailChecks.httpUrl(logoUrl, "logoUrl");
    }
}
