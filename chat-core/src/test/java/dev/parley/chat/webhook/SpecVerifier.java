package dev.parley.chat.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check written from the text of the Standard Webhooks specification, independently of
 * {@link WebhookSecret}: strip {@code whsec_}, base64-decode the key, HMAC-SHA256 over
 * {@code id.timestamp.body}, and accept when any space-separated {@code v1,} signature matches in constant time.
 */
final class SpecVerifier {

    private SpecVerifier() {}

    static boolean verify(String secret, Map<String, String> headers, String body) throws Exception {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String s : signatures.split(" ")) {
            int comma = s.indexOf(',');
            if (comma > 0 && s.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(comma + 1)))) {
                return true;
            }
        }
        return false;
    }
}
