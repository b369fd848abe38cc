package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ParleySettings.OutboxSettings;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The documented defaults and the bounds of the settings. */
class ParleySettingsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        ParleySettings d = ParleySettings.DEFAULTS;
        assertThat(d.maxMessageLength()).isEqualTo(5_000);
        assertThat(d.heartbeatTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.offlineBatchWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.analyticsCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(d.outbox()).isEqualTo(new OutboxSettings(8, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofSeconds(1), 100));
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximum() {
        OutboxSettings o = OutboxSettings.DEFAULTS;
        assertThat(o.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.backoffAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(o.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(o.backoffAfter(1_000)).isEqualTo(Duration.ofHours(1));
        assertThat(o.backoffAfter(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theOutboxSettingsCanBeTouchedFirst() throws Exception {
        // A fresh class loader, so that OutboxSettings initialises before ParleySettings, as in a host that binds
        // outbox properties first.
        URL classes = ParleySettings.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> outbox = Class.forName(OutboxSettings.class.getName(), true, fresh);
            assertThat(outbox.getField("DEFAULTS").get(null)).isNotNull();
            Class<?> settings = Class.forName(ParleySettings.class.getName(), true, fresh);
            Object defaults = settings.getField("DEFAULTS").get(null);
            assertThat(settings.getMethod("outbox").invoke(defaults)).isNotNull();
        }
    }

    @Test
    void badSettingsAreRefusedAtOnce() {
        assertThatThrownBy(() -> ParleySettings.DEFAULTS.withMaxMessageLength(0))
                .hasMessageContaining("maxMessageLength");
        assertThatThrownBy(() -> ParleySettings.DEFAULTS.withHeartbeatTimeout(Duration.ZERO))
                .hasMessageContaining("heartbeatTimeout");
        assertThatThrownBy(() -> new OutboxSettings(0, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1)).hasMessageContaining("maxAttempts");
        assertThat(ParleySettings.DEFAULTS.withAnalyticsCacheTtl(Duration.ZERO).analyticsCacheTtl()).isZero();
    }
}
