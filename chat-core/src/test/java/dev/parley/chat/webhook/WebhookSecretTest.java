package dev.parley.chat.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ParleyException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    // The signing vector published with the Standard Webhooks specification
    // (libraries/javascript/src/webhook.test.ts and libraries/python/tests/test_webhooks.py, "sign function works").
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final String SPEC_PAYLOAD = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsThePublishedVectorExactly() {
        assertThat(new WebhookSecret(SPEC_SECRET).sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void theIndependentVerifierAcceptsThePublishedVectorAndRejectsAChangedBody() throws Exception {
        Map<String, String> headers = Map.of("webhook-id", SPEC_ID, "webhook-timestamp", "" + SPEC_TIMESTAMP,
                "webhook-signature", SPEC_SIGNATURE);
        assertThat(SpecVerifier.verify(SPEC_SECRET, headers, SPEC_PAYLOAD)).isTrue();
        assertThat(SpecVerifier.verify(SPEC_SECRET, headers, "{\"test\": 2432232315}")).isFalse();
        // a signature published in the specification's tests as invalid for this secret
        assertThat(SpecVerifier.verify(SPEC_SECRET, Map.of("webhook-id", SPEC_ID, "webhook-timestamp",
                "" + SPEC_TIMESTAMP, "webhook-signature", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="),
                SPEC_PAYLOAD)).isFalse();
    }

    @Test
    void generatedSecretsAreWhsecWith32RandomBytesAndVerify() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            WebhookSecret s = WebhookSecret.generate();
            assertThat(s.value()).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(s.value().substring(6))).hasSize(32);
            assertThat(seen.add(s.value())).isTrue();
            String sig = s.sign("msg_1", 1_700_000_000L, "{\"a\":\"é\"}");
            assertThat(SpecVerifier.verify(s.value(), Map.of("webhook-id", "msg_1", "webhook-timestamp",
                    "1700000000", "webhook-signature", sig), "{\"a\":\"é\"}")).isTrue();
        }
    }

    @Test
    void malformedSecretsAreRefusedAndNeverPrinted() {
        assertThatThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(ParleyException.class).hasMessageContaining("whsec_");
        assertThatThrownBy(() -> new WebhookSecret("whsec_???")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> new WebhookSecret("whsec_AAAA")).hasMessageContaining("24 to 64 bytes");
        assertThat(WebhookSecret.generate().toString()).doesNotContain(WebhookSecret.generate().value());
        WebhookSecret s = WebhookSecret.generate();
        assertThat(s.toString()).doesNotContain(s.value().substring(6));
    }
}
