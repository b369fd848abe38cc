package dev.parley.chat.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ParleyException;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private final TargetGuard strict = new TargetGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1",
            "fd00::1", "fd12:3456::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "ff02::1"})
    void nonPublicAddressesAreRefused(String address) throws Exception {
        assertThat(TargetGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThatThrownBy(() -> strict.check(URI.create("https://" + host + "/hook")))
                .isInstanceOf(ParleyException.class)
                .hasMessageContaining("allow-private-targets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(TargetGuard.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void localhostByNameIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> strict.check(URI.create("http://localhost:8080/x")))
                .hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
        assertThatCode(() -> new TargetGuard(true).check(URI.create("http://127.0.0.1:8080/x")))
                .doesNotThrowAnyException();
    }

    @Test
    void theFormOfTheUrlIsChecked() {
        assertThatThrownBy(() -> TargetGuard.parse("ftp://example.com/x")).hasMessageContaining("https://");
        assertThatThrownBy(() -> TargetGuard.parse("https:///x")).hasMessageContaining("host");
        assertThatThrownBy(() -> TargetGuard.parse("https://user:pw@example.com/x"))
                .hasMessageContaining("user info");
        assertThatThrownBy(() -> TargetGuard.parse("https://exa mple.com")).hasMessageContaining("not a valid URL");
        assertThat(TargetGuard.parse(" https://example.com/hooks?x=1 ")).hasToString("https://example.com/hooks?x=1");
    }
}
