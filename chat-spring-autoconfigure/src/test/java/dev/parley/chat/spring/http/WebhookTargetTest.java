package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With parley.webhooks.allow-private-targets off (the default), targets in private networks are refused. */
class WebhookTargetTest extends ApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://169.254.169.254/latest",
            "http://10.0.0.5/hook", "http://[fd00::1]/hook", "http://[::1]:9000/hook"})
    void privateTargetsAreRefusedWhileThePropertyIsOff(String url) {
        Api.Response r = api.post("/api/v1/admin/webhooks", Map.of("url", url, "events", List.of("chat.started")),
                asAdmin("alice"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorMessage()).contains("allow-private-targets");
        assertThat(api.get("/api/v1/admin/webhooks", asAdmin("alice")).data().toString()).doesNotContain(url);
    }
}
