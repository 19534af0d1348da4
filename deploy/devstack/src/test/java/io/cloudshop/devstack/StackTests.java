package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code up} refuses to do, and says why, before it starts anything. */
class StackTests {

    @TempDir
    Path home;

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final Console console = new Console(new PrintStream(output, true));

    @Test
    void takenPortIsReportedWithItsOwnerAndVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Stack stack = new Stack(settings(Map.of("GATEWAY_PORT", Integer.toString(port))), console);

            assertThatThrownBy(stack::start)
                    .isInstanceOf(DevstackException.class)
                    .hasMessageContaining("Port " + port + " for gateway is already in use by pid "
                            + ProcessHandle.current().pid())
                    .hasMessageContaining("set GATEWAY_PORT to a free port");
        }
        assertThat(output.toString()).doesNotContain("[1/9]");
    }

    @Test
    void secondStackIsRefusedWhileTheFirstRuns() {
        ProcessHandle self = ProcessHandle.current();
        new StateFile(home.resolve("state.properties"))
                .add(new StateFile.Entry(
                        "gateway",
                        self.pid(),
                        self.info().startInstant().orElse(Instant.now()),
                        "http://localhost:8080",
                        home.resolve("gateway.log")));
        Stack stack = new Stack(settings(Map.of()), console);

        assertThatThrownBy(stack::start)
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("The devstack already runs: gateway (pid " + self.pid() + ")");
    }

    @Test
    void downWithNothingRunningSaysSo() {
        Stack.down(settings(Map.of()), console);

        assertThat(output.toString()).contains("Nothing to stop: the devstack is not running.");
    }

    private Settings settings(Map<String, String> overrides) {
        java.util.Map<String, String> env = new java.util.HashMap<>(overrides);
        env.put("DEVSTACK_HOME", home.toString());
        env.put("DEVSTACK_BUILD", "false");
        // Ports nothing else on a build machine is expected to use.
        env.putIfAbsent("POSTGRES_PORT", "45432");
        env.putIfAbsent("KAFKA_PORT", "49092");
        env.putIfAbsent("KAFKA_CONTROLLER_PORT", "49093");
        env.putIfAbsent("ZIPKIN_PORT", "49411");
        env.putIfAbsent("REDIS_PORT", "46379");
        env.putIfAbsent("EUREKA_PORT", "48761");
        env.putIfAbsent("GATEWAY_PORT", "48080");
        env.putIfAbsent("USER_SERVICE_PORT", "48081");
        env.putIfAbsent("PRODUCT_SERVICE_PORT", "48082");
        env.putIfAbsent("ORDER_SERVICE_PORT", "48083");
        env.putIfAbsent("PAYMENT_SERVICE_PORT", "48084");
        return Settings.fromEnvironment(Path.of("").toAbsolutePath(), env);
    }
}
