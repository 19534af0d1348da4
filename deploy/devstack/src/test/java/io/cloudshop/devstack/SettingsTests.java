package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTests {

    final Path root = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedPorts() {
        Settings settings = Settings.fromEnvironment(root, Map.of());

        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.eurekaPort()).isEqualTo(8761);
        assertThat(settings.postgresPort()).isEqualTo(5432);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.zipkinPort()).isEqualTo(9411);
        assertThat(settings.prometheusPort()).isEqualTo(9090);
        assertThat(settings.managementPorts())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "gateway", 9080,
                        "discovery", 9761,
                        "user-service", 9081,
                        "product-service", 9082,
                        "order-service", 9083,
                        "payment-service", 9084));
        assertThat(settings.managementUrl("order-service", "/actuator/health"))
                .isEqualTo("http://localhost:9083/actuator/health");
        assertThat(settings.home()).isEqualTo(root.resolve(".devstack"));
        assertThat(settings.build()).isTrue();
        assertThat(settings.startupCache()).isEqualTo(Settings.StartupCache.RECORD);
        assertThat(settings.parallelStart()).isTrue();
        assertThat(settings.serviceJvmOptions()).contains("-Xms32m", "-Xmx256m");
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void environmentOverridesEverySetting() {
        Settings settings = Settings.fromEnvironment(
                root,
                Map.ofEntries(
                        Map.entry("GATEWAY_PORT", "9080"),
                        Map.entry("PRODUCT_SERVICE_PORT", "9082"),
                        Map.entry("ORDER_SERVICE_MANAGEMENT_PORT", "19083"),
                        Map.entry("PROMETHEUS_PORT", "19090"),
                        Map.entry("DEVSTACK_PROMETHEUS", "false"),
                        Map.entry("DEVSTACK_HOME", "/tmp/stack"),
                        Map.entry("DEVSTACK_START_TIMEOUT_SECONDS", "5"),
                        Map.entry("DEVSTACK_BUILD", "false"),
                        Map.entry("DEVSTACK_STARTUP_CACHE", "Use"),
                        Map.entry("DEVSTACK_PARALLEL_START", "false"),
                        Map.entry("DEVSTACK_BIND_ADDRESS", "0.0.0.0")));

        assertThat(settings.gatewayPort()).isEqualTo(9080);
        assertThat(settings.productServicePort()).isEqualTo(9082);
        assertThat(settings.managementPort("order-service")).isEqualTo(19083);
        assertThat(settings.prometheusPort()).isEqualTo(19090);
        assertThat(settings.prometheus()).isNull();
        assertThat(settings.home()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(settings.startTimeout()).hasSeconds(5);
        assertThat(settings.build()).isFalse();
        assertThat(settings.startupCache()).isEqualTo(Settings.StartupCache.USE);
        assertThat(settings.parallelStart()).isFalse();
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void unknownStartupCacheModeIsAClearError() {
        assertThatThrownBy(() -> Settings.fromEnvironment(root, Map.of("DEVSTACK_STARTUP_CACHE", "true")))
                .isInstanceOf(DevstackException.class)
                .hasMessage("DEVSTACK_STARTUP_CACHE must be record, use or off, but is 'true'.");
    }

    @Test
    void portThatIsNotANumberIsAClearError() {
        assertThatThrownBy(() -> Settings.fromEnvironment(root, Map.of("GATEWAY_PORT", "http")))
                .isInstanceOf(DevstackException.class)
                .hasMessage("GATEWAY_PORT must be a whole number, but is 'http'.");
    }

    @Test
    void portOutOfRangeIsAClearError() {
        assertThatThrownBy(() -> Settings.fromEnvironment(root, Map.of("KAFKA_PORT", "70000")))
                .isInstanceOf(DevstackException.class)
                .hasMessage("KAFKA_PORT must be a port between 1 and 65535, but is 70000.");
    }

    @Test
    void redisServerIsFoundOnThePathUnlessTurnedOff(@TempDir Path bin) throws Exception {
        Path binary = Files.createFile(bin.resolve("redis-server"));
        binary.toFile().setExecutable(true);
        String path = "/nonexistent" + File.pathSeparator + bin;

        assertThat(Settings.fromEnvironment(root, Map.of("PATH", path)).redisServer())
                .isEqualTo(binary.toAbsolutePath());
        assertThat(Settings.fromEnvironment(root, Map.of("PATH", path, "DEVSTACK_REDIS", "false"))
                        .redisServer())
                .isNull();
        assertThat(Settings.fromEnvironment(root, Map.of("PATH", "/nonexistent"))
                        .redisServer())
                .isNull();
    }
}
