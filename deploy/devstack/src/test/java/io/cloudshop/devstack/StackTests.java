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

/**
 * What {@code up} refuses to do, and says why, before it starts anything; and the drill commands on one component
 * (a {@code sleep} process recorded under a component's name stands in for it).
 */
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

    @Test
    void killEndsTheComponentAtOnceAndLeavesItRecordedAsACrashWould() throws Exception {
        Process zipkin = recorded("zipkin");

        Stack.control(settings(Map.of()), console, Stack.Drill.KILL, "zipkin");

        assertThat(zipkin.isAlive()).isFalse();
        assertThat(zipkin.exitValue()).isEqualTo(137); // 128 + SIGKILL
        assertThat(output.toString()).contains("zipkin", "killed (pid " + zipkin.pid() + ")");
        assertThat(new StateFile(home.resolve("state.properties")).read())
                .extracting(StateFile.Entry::name)
                .containsExactly("zipkin");
    }

    @Test
    void stopEndsTheComponentGracefullyAndForgetsIt() throws Exception {
        Process zipkin = recorded("zipkin");

        Stack.control(settings(Map.of()), console, Stack.Drill.STOP, "zipkin");

        assertThat(zipkin.isAlive()).isFalse();
        assertThat(zipkin.exitValue()).isEqualTo(143); // 128 + SIGTERM
        assertThat(output.toString()).contains("zipkin", "stopped in");
        assertThat(new StateFile(home.resolve("state.properties")).read()).isEmpty();
    }

    @Test
    void pauseFreezesTheComponentAndResumeLetsItGoOn() throws Exception {
        Process zipkin = recorded("zipkin");
        try {
            Stack.control(settings(Map.of()), console, Stack.Drill.PAUSE, "zipkin");
            awaitState(zipkin, "T"); // stopped by a signal

            Stack.control(settings(Map.of()), console, Stack.Drill.RESUME, "zipkin");
            awaitState(zipkin, "S"); // sleeping again, as sleep(1) does

            assertThat(output.toString()).contains("zipkin", "paused", "resumed");
        } finally {
            zipkin.destroyForcibly().waitFor();
        }
    }

    /** Polls {@code ps} (POSIX) until the process's state starts with {@code state}, for up to 10 s. */
    private static void awaitState(Process process, String state) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Process ps = new ProcessBuilder("ps", "-o", "stat=", "-p", Long.toString(process.pid())).start();
            last = new String(ps.getInputStream().readAllBytes()).strip();
            ps.waitFor();
            if (last.startsWith(state)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("process state " + last + ", expected " + state);
    }

    @Test
    void drillsSayWhatIsWrongWithTheirComponent() throws Exception {
        Process zipkin = recorded("zipkin");
        try {
            assertThatThrownBy(() -> Stack.control(settings(Map.of()), console, Stack.Drill.KILL, "zipkn"))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageStartingWith("No component is called 'zipkn'. The components: postgres, kafka, zipkin");
            assertThatThrownBy(() -> Stack.control(settings(Map.of()), console, Stack.Drill.START, "zipkin"))
                    .isInstanceOf(DevstackException.class)
                    .hasMessage("zipkin is already running (pid " + zipkin.pid() + ").");
            assertThatThrownBy(() -> Stack.control(settings(Map.of()), console, Stack.Drill.STOP, "discovery"))
                    .isInstanceOf(DevstackException.class)
                    .hasMessage("discovery is not running.");
        } finally {
            zipkin.destroyForcibly().waitFor();
        }
    }

    @Test
    void logsPrintsTheLastLinesOfTheComponentsLog() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("logs"));
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            lines.add("line " + i);
        }
        java.nio.file.Files.write(home.resolve("logs/gateway.log"), lines);

        Stack.logs(settings(Map.of()), console, "gateway", false);

        assertThat(output.toString().lines().toList()).containsExactlyElementsOf(lines.subList(10, 50));
    }

    /** A long-running process recorded in the state file under {@code name}, as {@code up} records a component. */
    private Process recorded(String name) throws Exception {
        Process process = new ProcessBuilder("sleep", "300").start();
        new StateFile(home.resolve("state.properties"))
                .add(new StateFile.Entry(
                        name,
                        process.pid(),
                        process.info().startInstant().orElse(Instant.now()),
                        "http://localhost",
                        home.resolve(name + ".log")));
        return process;
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
