package io.cloudshop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTests {

    static final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        ClientAddresses direct = new ClientAddresses(List.of());

        assertThat(direct.of(request("10.1.2.3", "203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertThat(behindProxies.of(request("198.51.100.4", "203.0.113.9"))).isEqualTo("198.51.100.4");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        // The client forged the two leftmost entries; the ingress (10.0.0.2) appended what it saw, 203.0.113.9.
        assertThat(behindProxies.of(request("10.0.0.2", "1.2.3.4, 5.6.7.8, 203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.of(request("10.0.0.2", "203.0.113.9, 192.168.1.7", "10.0.0.3")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.of(request("10.0.0.2", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void somethingOtherThanAnAddressEndsTheWalkAtTheLastTrustedHop() {
        // Host names are never resolved: "evil.example" could otherwise make every request a DNS lookup.
        assertThat(behindProxies.of(request("10.0.0.2", "203.0.113.9, evil.example")))
                .isEqualTo("10.0.0.2");
        assertThat(behindProxies.of(request("10.0.0.2", "203.0.113.9, cafe, 10.0.0.3")))
                .isEqualTo("10.0.0.3");
        assertThat(behindProxies.of(request("10.0.0.2"))).isEqualTo("10.0.0.2");
    }

    private static MockServerHttpRequest request(String peer, String... forwardedFor) {
        return MockServerHttpRequest.get("/api/v1/auth/token")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor)
                .build();
    }
}
