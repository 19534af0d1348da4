package io.cloudshop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * With the actuator on its own port, Prometheus scrapes there without a token; every other endpoint on that port
 * still wants an admin, and the API port serves no actuator at all.
 */
@SpringBootTest(
        classes = ResourceServerSecurityTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "management.endpoints.web.exposure.include=health,metrics,prometheus"
        })
@Import(TestInfrastructure.class)
class ManagementPortSecurityTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusScrapesWithoutATokenOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(port);
        String exposition = client(managementPort)
                .get()
                .uri("/actuator/prometheus")
                .header("Accept", "text/plain")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(exposition).contains("jvm_memory_used_bytes");
    }

    @Test
    void otherEndpointsOnTheManagementPortStillWantAnAdmin() {
        client(managementPort)
                .get()
                .uri("/actuator/metrics")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client(managementPort)
                .get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isForbidden();
        client(managementPort)
                .get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk();
        client(managementPort)
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void theApiPortServesNoActuator() {
        client(port)
                .get()
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private static RestTestClient client(int port) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
