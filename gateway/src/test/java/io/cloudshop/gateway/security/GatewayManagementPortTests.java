package io.cloudshop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.gateway.GatewayClients;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with its actuator on a management port (as in containers): Prometheus scrapes there without a token,
 * every other endpoint there still wants an admin, and the public port serves no actuator beyond what it did.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "management.server.port=0"})
@Import(TestInfrastructure.class)
class GatewayManagementPortTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusScrapesWithoutATokenOnTheManagementPortOnly() {
        String exposition = client(managementPort)
                .get()
                .uri("/actuator/prometheus")
                .header("Accept", "text/plain")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(exposition).contains("jvm_memory_used_bytes");

        client(port).get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
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
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static WebTestClient client(int port) {
        return GatewayClients.at(port).build();
    }
}
