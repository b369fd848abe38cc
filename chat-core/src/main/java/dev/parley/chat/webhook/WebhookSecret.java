package dev.parley.chat.webhook;

import dev.parley.chat.ParleyException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signing secret of the Standard Webhooks specification: {@code whsec_} followed by the base64 of the key bytes.
 *
 * @param value the secret as shown to people, {@code whsec_…}
 */
public record WebhookSecret(String value) {

    /** The prefix of every secret. */
    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checks the form: the prefix and 24 to 64 key bytes in base64. */
    public WebhookSecret {
        if (!value.startsWith(PREFIX)) {
            throw ParleyException.invalid("a webhook secret starts with " + PREFIX);
        }
        int length = key(value).length;
        if (length < 24 || length > 64) {
            throw ParleyException.invalid("a webhook secret holds 24 to 64 bytes; this one has " + length);
        }
    }

    /** A new random secret of 32 bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)). */
    public String sign(String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(value), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    private static byte[] key(String value) {
        try {
            return Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ParleyException.invalid("a webhook secret is " + PREFIX + " followed by base64");
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "WebhookSecret[" + PREFIX + "…]";
    }
}
