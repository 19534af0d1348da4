package io.cloudshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.devstack.Console;
import io.cloudshop.devstack.Settings;
import io.cloudshop.devstack.Stack;
import io.cloudshop.testsupport.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite as a user gets it, shared by every system-test class: started through the devstack (the code path behind
 * {@code ./devstack up}, on free ports picked for the run and its own, emptied data directory, so it collides neither
 * with a developer's running stack nor with another run, and sees nothing an earlier run left)
 * before the first class that uses this extension, and stopped when the whole test run ends, also when a test fails.
 * Stopping checks that no process of the suite survived.
 */
final class Devstack implements BeforeAllCallback {

    /** The devstack's port variables; each gets a free port for the run. */
    static final List<String> PORTS = List.of(
            "POSTGRES_PORT",
            "KAFKA_PORT",
            "KAFKA_CONTROLLER_PORT",
            "ZIPKIN_PORT",
            "EUREKA_PORT",
            "GATEWAY_PORT",
            "USER_SERVICE_PORT",
            "PRODUCT_SERVICE_PORT",
            "ORDER_SERVICE_PORT",
            "PAYMENT_SERVICE_PORT",
            "GATEWAY_MANAGEMENT_PORT",
            "EUREKA_MANAGEMENT_PORT",
            "USER_SERVICE_MANAGEMENT_PORT",
            "PRODUCT_SERVICE_MANAGEMENT_PORT",
            "ORDER_SERVICE_MANAGEMENT_PORT",
            "PAYMENT_SERVICE_MANAGEMENT_PORT",
            "PROMETHEUS_PORT",
            "REDIS_PORT");

    static final Map<String, String> ENVIRONMENT = Map.of(
            "DEVSTACK_HOME", "target/devstack",
            // The reactor has just built every jar.
            "DEVSTACK_BUILD", "false",
            // Start-up caches a ./devstack up recorded for these jars are used; none is recorded here: on a fresh
            // clone (CI) the one start of the run would not repay the extra stop and start recording takes.
            "DEVSTACK_STARTUP_CACHE", "use");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Devstack.class);

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, type -> {
            try {
                running = Running.start();
                return running;
            } catch (Exception ex) {
                throw new IllegalStateException("The devstack did not start", ex);
            }
        });
    }

    static Settings settings() {
        return current().settings;
    }

    static Stack stack() {
        return current().stack;
    }

    static Properties secrets() {
        return current().secrets;
    }

    /** {@code path} at one service directly, bypassing the gateway ({@code service}: e.g. {@code "order-service"}). */
    static String service(String service, String path) {
        int port = switch (service) {
            case "user-service" -> settings().userServicePort();
            case "product-service" -> settings().productServicePort();
            case "order-service" -> settings().orderServicePort();
            case "payment-service" -> settings().paymentServicePort();
            default -> throw new IllegalArgumentException("No service " + service);
        };
        return "http://localhost:" + port + path;
    }

    /**
     * {@code path} on a component's actuator, on its management port ({@code component}: {@code "gateway"},
     * {@code "discovery"} or a service).
     */
    static String management(String component, String path) {
        return settings().managementUrl(component, path);
    }

    /** A connection to {@code database} as the service that owns it ({@code orders} as {@code order_service}, ...). */
    static Connection database(String database, String role) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + settings().postgresPort() + "/" + database,
                role,
                secrets().getProperty("postgres." + role + ".password"));
    }

    private static Running current() {
        if (running == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(Devstack.class)");
        }
        return running;
    }

    /** The environment the devstack was started with: what a {@code ./devstack} command needs to find this stack. */
    static Map<String, String> environment() {
        return current().environment;
    }

    private record Running(
            Settings settings, Stack stack, Map<String, Long> pids, Properties secrets, Map<String, String> environment)
            implements AutoCloseable {

        static Running start() throws Exception {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.putAll(ENVIRONMENT);
            Settings home = Settings.fromEnvironment(root, environment);
            Console console = new Console(System.out);
            // Leftovers of an earlier run that was killed before it could clean up (by the PIDs it recorded).
            Stack.down(home, console);
            // Every run starts from empty databases, topics and logs, so no test sees what an earlier run left.
            wipe(home.home());
            List<Integer> ports = FreePorts.pick(PORTS.size());
            for (int i = 0; i < PORTS.size(); i++) {
                environment.put(PORTS.get(i), Integer.toString(ports.get(i)));
            }
            Settings settings = Settings.fromEnvironment(root, environment);
            // Partitionable: the fault drills cut services, PostgreSQL and Kafka off the network
            // (FaultDrillSystemTests).
            Stack stack = Stack.partitionable(settings, console);
            try {
                stack.start();
                return new Running(
                        settings,
                        stack,
                        stack.pids(),
                        load(settings.home().resolve("secrets.properties")),
                        Map.copyOf(environment));
            } catch (Exception ex) {
                stack.close();
                throw ex;
            }
        }

        @Override
        public void close() {
            // Components restarted by a test run under new PIDs: check the first and the last of each.
            Map<Long, String> processes = new HashMap<>();
            pids.forEach((name, pid) -> processes.put(pid, name));
            stack.pids().forEach((name, pid) -> processes.put(pid, name));
            stack.close();
            List<String> survivors = new ArrayList<>();
            processes.forEach((pid, name) -> ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .ifPresent(p -> survivors.add(name + " (pid " + pid + ")")));
            assertThat(survivors)
                    .as("processes left running after the stack stopped")
                    .isEmpty();
        }

        private static void wipe(Path directory) throws IOException {
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        private static Properties load(Path file) throws IOException {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
