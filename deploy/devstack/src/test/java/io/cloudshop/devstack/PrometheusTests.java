package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTests {

    static final Path REPOSITORY =
            Path.of("../observability/prometheus").toAbsolutePath().normalize();

    static final Map<String, Integer> PORTS = Map.of(
            "gateway", 19080,
            "discovery", 19761,
            "user-service", 19081,
            "product-service", 19082,
            "order-service", 19083,
            "payment-service", 19084);

    @Test
    void theRepositorysConfigurationScrapesThisMachinesManagementPortsWithItsRules() throws Exception {
        String configuration = Prometheus.configuration(
                Files.readString(REPOSITORY.resolve("prometheus.yml")), PORTS, REPOSITORY.resolve("alerts.yml"));

        assertThat(configuration)
                .contains(
                        "- localhost:19080",
                        "- localhost:19761",
                        "- localhost:19081",
                        "- localhost:19082",
                        "- localhost:19083",
                        "- localhost:19084")
                .doesNotContain(":9080")
                .contains("- '" + REPOSITORY.resolve("alerts.yml") + "'")
                .contains("metrics_path: /actuator/prometheus", "job_name: cloudshop")
                .contains("scrape_interval: 5s", "evaluation_interval: 5s");
    }

    @Test
    void aTargetTheDevstackDoesNotRunIsAnError() {
        String containers = """
                scrape_configs:
                  - job_name: cloudshop
                    static_configs:
                      - targets:
                          - gateway:9080
                          - inventory-service:9080
                """;

        assertThatThrownBy(() -> Prometheus.configuration(containers, Map.of("gateway", 1), Path.of("alerts.yml")))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("inventory-service");
    }

    @Test
    void aComponentTheConfigurationDoesNotScrapeIsAnError() throws Exception {
        Map<String, Integer> more = new HashMap<>(PORTS);
        more.put("shipping-service", 19085);

        assertThatThrownBy(() -> Prometheus.configuration(
                        Files.readString(REPOSITORY.resolve("prometheus.yml")), more, Path.of("alerts.yml")))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("scrapes no [shipping-service]");
    }
}
