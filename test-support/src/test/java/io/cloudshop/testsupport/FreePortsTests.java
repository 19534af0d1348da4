package io.cloudshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTests {

    @Test
    void picksDistinctBindablePortsBelowTheEphemeralRange() throws IOException {
        List<Integer> ports = FreePorts.pick(11);

        assertThat(ports)
                .hasSize(11)
                .doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(20000, 31999));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void skipsAPortInUse() throws IOException {
        List<Integer> taken = FreePorts.pick(1);
        try (ServerSocket listening = new ServerSocket()) {
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getFirst()));

            for (int i = 0; i < 20; i++) {
                assertThat(FreePorts.pick(3)).doesNotContain(taken.getFirst());
            }
        }
    }
}
