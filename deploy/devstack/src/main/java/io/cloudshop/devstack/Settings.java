package io.cloudshop.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the devstack can be told, read from environment variables (names and defaults in the README's devstack
 * section). Tests build one from their own map, so the same code runs on other ports and directories.
 *
 * @param root the repository root (where {@code mvnw} and the module directories are)
 * @param home where the stack keeps data, logs, secrets and its state file
 * @param redisServer the {@code redis-server} binary for the gateway's shared rate limits, found on {@code PATH}
 *     unless {@code DEVSTACK_REDIS=false}; without one the gateway limits in its own memory
 * @param managementPorts where each Spring Boot component serves its actuator, by component name, as it does in
 *     containers ({@code MANAGEMENT_PORT}): Prometheus scrapes there without a token, and nothing of the actuator is
 *     on the API ports ({@code GATEWAY_MANAGEMENT_PORT}, {@code EUREKA_MANAGEMENT_PORT}, ...)
 * @param prometheus the {@code prometheus} binary, found on {@code PATH} unless {@code DEVSTACK_PROMETHEUS=false};
 *     with one the devstack scrapes every component with the repository's configuration and alert rules
 * @param startupCache what the Spring Boot components do with the JDK's start-up cache ({@link AotCache}): by default
 *     start from it, and record it on the first start after a build ({@code DEVSTACK_STARTUP_CACHE})
 * @param parallelStart whether components that do not depend on each other start together: the infrastructure and
 *     Eureka first, then the four services and the gateway ({@code DEVSTACK_PARALLEL_START}); otherwise one by one
 * @param bindAddress the address every component listens on ({@code DEVSTACK_BIND_ADDRESS}): loopback unless told
 *     otherwise, so the registry, the databases and the services behind the gateway are not reachable from the network
 */
public record Settings(
        Path root,
        Path home,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int zipkinPort,
        int redisPort,
        @Nullable Path redisServer,
        int eurekaPort,
        int gatewayPort,
        int userServicePort,
        int productServicePort,
        int orderServicePort,
        int paymentServicePort,
        Map<String, Integer> managementPorts,
        int prometheusPort,
        @Nullable Path prometheus,
        String serviceJvmOptions,
        Duration startTimeout,
        Duration stopTimeout,
        boolean build,
        StartupCache startupCache,
        boolean parallelStart,
        String bindAddress) {

    /** What the Spring Boot components do with their start-up cache ({@link AotCache}). */
    public enum StartupCache {
        /** Start from it, and record it (one extra stop and start) where it is missing: {@code ./devstack up}. */
        RECORD,
        /** Start from it where one exists, record none: one start that would not repay the recording (CI). */
        USE,
        /** Neither. */
        OFF;

        static StartupCache parse(String value) {
            try {
                return valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new DevstackException(
                        "DEVSTACK_STARTUP_CACHE must be record, use or off, but is '" + value + "'.");
            }
        }
    }

    public static Settings fromEnvironment(Path root, Map<String, String> env) {
        Env e = new Env(env);
        return new Settings(
                root,
                e.path("DEVSTACK_HOME", root.resolve(".devstack")),
                e.port("POSTGRES_PORT", 5432),
                e.port("KAFKA_PORT", 9092),
                e.port("KAFKA_CONTROLLER_PORT", 9093),
                e.port("ZIPKIN_PORT", 9411),
                e.port("REDIS_PORT", 6379),
                e.binary("redis-server", "DEVSTACK_REDIS"),
                e.port("EUREKA_PORT", 8761),
                e.port("GATEWAY_PORT", 8080),
                e.port("USER_SERVICE_PORT", 8081),
                e.port("PRODUCT_SERVICE_PORT", 8082),
                e.port("ORDER_SERVICE_PORT", 8083),
                e.port("PAYMENT_SERVICE_PORT", 8084),
                // The containers' 9080 for the gateway, 9081-9084 beside the services' 8081-8084.
                Map.of(
                        "gateway", e.port("GATEWAY_MANAGEMENT_PORT", 9080),
                        "discovery", e.port("EUREKA_MANAGEMENT_PORT", 9761),
                        "user-service", e.port("USER_SERVICE_MANAGEMENT_PORT", 9081),
                        "product-service", e.port("PRODUCT_SERVICE_MANAGEMENT_PORT", 9082),
                        "order-service", e.port("ORDER_SERVICE_MANAGEMENT_PORT", 9083),
                        "payment-service", e.port("PAYMENT_SERVICE_MANAGEMENT_PORT", 9084)),
                e.port("PROMETHEUS_PORT", 9090),
                e.binary("prometheus", "DEVSTACK_PROMETHEUS"),
                // Fast start and a small footprint over peak throughput, for a 2-core laptop running ten JVMs: C1
                // only, the serial collector. The heap starts at 32 MB and grows with use (the JVM's default start,
                // 1/64 of the machine's memory, is touched by the first collections and stays resident: ~80 MB more
                // per JVM here); a 12 MB young generation (default: a third of the heap, ~33 MB after start) took
                // another ~50 MB off the stack's idle footprint at the same start time; 256 MB is over 3x the
                // largest live set after a collection in the 10-minute soak (order-service, 76 MB). Benchmarks set
                // their own (deploy/bench).
                e.string(
                        "DEVSTACK_JVM_OPTS",
                        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xms32m -Xmn12m -Xmx256m"),
                Duration.ofSeconds(e.integer("DEVSTACK_START_TIMEOUT_SECONDS", 180)),
                Duration.ofSeconds(e.integer("DEVSTACK_STOP_TIMEOUT_SECONDS", 20)),
                Boolean.parseBoolean(e.string("DEVSTACK_BUILD", "true")),
                StartupCache.parse(e.string("DEVSTACK_STARTUP_CACHE", "record")),
                Boolean.parseBoolean(e.string("DEVSTACK_PARALLEL_START", "true")),
                // Every component listens here: loopback, so nothing of the devstack (its registry, databases,
                // services behind the gateway) is reachable from the network unless asked for (0.0.0.0).
                e.string("DEVSTACK_BIND_ADDRESS", "127.0.0.1"));
    }

    Path logs() {
        return home.resolve("logs");
    }

    Path stateFile() {
        return home.resolve("state.properties");
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** The management port of a Spring Boot component ({@code "gateway"}, {@code "order-service"}, ...). */
    public int managementPort(String component) {
        Integer port = managementPorts.get(component);
        if (port == null) {
            throw new IllegalArgumentException("No management port for " + component);
        }
        return port;
    }

    /** {@code path} on the component's actuator, e.g. {@code managementUrl("order-service", "/actuator/health")}. */
    public String managementUrl(String component, String path) {
        return "http://localhost:" + managementPort(component) + path;
    }

    private record Env(Map<String, String> values) {

        String string(String name, String fallback) {
            String value = values.get(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        /** An optional tool on {@code PATH}, unless {@code switchName} is {@code false}. */
        @Nullable
        Path binary(String name, String switchName) {
            if (!Boolean.parseBoolean(string(switchName, "true"))) {
                return null;
            }
            for (String directory : string("PATH", "").split(java.io.File.pathSeparator)) {
                if (directory.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(directory, name);
                if (java.nio.file.Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
            return null;
        }

        Path path(String name, Path fallback) {
            String value = values.get(name);
            return value == null || value.isBlank()
                    ? fallback
                    : Path.of(value.trim()).toAbsolutePath();
        }

        int integer(String name, int fallback) {
            String value = string(name, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException ex) {
                throw new DevstackException(name + " must be a whole number, but is '" + value + "'.");
            }
        }

        int port(String name, int fallback) {
            int port = integer(name, fallback);
            if (port < 1 || port > 65535) {
                throw new DevstackException(name + " must be a port between 1 and 65535, but is " + port + ".");
            }
            return port;
        }
    }
}
