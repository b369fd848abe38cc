package dev.parley.chat.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() {
        assertThat(ClientAddresses.key("2001:db8:1:2::5")).isEqualTo(ClientAddresses.key("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo(ClientAddresses.key("[2001:0db8:0001:0002::9]")).isEqualTo("20010db800010002::/64");
        assertThat(ClientAddresses.key("2001:db8:1:3::5")).isNotEqualTo(ClientAddresses.key("2001:db8:1:2::5"));
    }

    @Test
    void ipv4AddressesAndOddTextAreKeptAsTheyAre() {
        assertThat(ClientAddresses.key("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(ClientAddresses.key("10.0.0.2")).isNotEqualTo(ClientAddresses.key("10.0.0.1"));
        assertThat(ClientAddresses.key("not:an:address:zz")).isEqualTo("not:an:address:zz");
    }
}
