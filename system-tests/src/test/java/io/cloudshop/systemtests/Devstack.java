package io.cloudshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.devstack.Console;
import io.cloudshop.devstack.Settings;
import io.cloudshop.devstack.Stack;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite as a user gets it, shared by every system-test class: started through the devstack (the code path behind
 * {@code ./devstack up}, on its own ports and data directory so it does not collide with a developer's running stack)
 * before the first class that uses this extension, and stopped when the whole test run ends, also when a test fails.
 * Stopping checks that no process of the suite survived.
 */
final class Devstack implements BeforeAllCallback {

    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("POSTGRES_PORT", "15432"),
            Map.entry("KAFKA_PORT", "19092"),
            Map.entry("KAFKA_CONTROLLER_PORT", "19093"),
            Map.entry("ZIPKIN_PORT", "19411"),
            Map.entry("EUREKA_PORT", "18761"),
            Map.entry("GATEWAY_PORT", "18080"),
            Map.entry("USER_SERVICE_PORT", "18081"),
            Map.entry("PRODUCT_SERVICE_PORT", "18082"),
            Map.entry("ORDER_SERVICE_PORT", "18083"),
            Map.entry("PAYMENT_SERVICE_PORT", "18084"),
            Map.entry("REDIS_PORT", "16379"),
            Map.entry("DEVSTACK_HOME", "target/devstack"),
            // The reactor has just built every jar.
            Map.entry("DEVSTACK_BUILD", "false"));

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

    private record Running(Settings settings, Stack stack, Map<String, Long> pids, Properties secrets)
            implements AutoCloseable {

        static Running start() throws Exception {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.putAll(ENVIRONMENT);
            Settings settings = Settings.fromEnvironment(root, environment);
            Console console = new Console(System.out);
            // Leftovers of an earlier run that was killed before it could clean up.
            Stack.down(settings, console);
            Stack stack = new Stack(settings, console);
            try {
                stack.start();
                return new Running(
                        settings, stack, stack.pids(), load(settings.home().resolve("secrets.properties")));
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

        private static Properties load(Path file) throws IOException {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
