package io.cloudshop.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The registry serves its REST API and dashboard to holders of its credentials only, and its health to anyone.
 * Anonymous clients can neither register, renew, delete nor read instances.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"EUREKA_PASSWORD=" + DiscoveryServerTests.PASSWORD, "EUREKA_WAIT_WHEN_EMPTY_MS=0"})
class DiscoveryServerTests {

    static final String PASSWORD = "registry-password-for-tests";

    static final String INSTANCE = """
            {"instance": {"instanceId": "evil:1", "hostName": "evil.example", "app": "ORDER-SERVICE",
             "ipAddr": "203.0.113.66", "status": "UP", "port": {"$": 8083, "@enabled": "true"},
             "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}""";

    @LocalServerPort
    int port;

    RestTestClient anonymous;
    RestTestClient registered;

    @BeforeEach
    void setUp() {
        anonymous = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        registered = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("eureka", PASSWORD))
                .build();
    }

    @Test
    void registryApiAnswersWithApplications() {
        registered
                .get()
                .uri("/eureka/apps")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.applications")
                .exists();
    }

    @Test
    void anonymousClientsCannotRegisterRenewDeleteOrRead() {
        anonymous
                .post()
                .uri("/eureka/apps/ORDER-SERVICE")
                .contentType(MediaType.APPLICATION_JSON)
                .body(INSTANCE)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        anonymous
                .put()
                .uri("/eureka/apps/ORDER-SERVICE/evil:1")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        anonymous
                .delete()
                .uri("/eureka/apps/ORDER-SERVICE/evil:1")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        anonymous.get().uri("/eureka/apps").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/").exchange().expectStatus().isUnauthorized();
        // Wrong credentials are no better than none.
        anonymous
                .get()
                .uri("/eureka/apps")
                .headers(headers -> headers.setBasicAuth("eureka", "guess"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        registered
                .get()
                .uri("/eureka/apps/ORDER-SERVICE")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void clientsWithTheCredentialsRegisterAndDeregister() {
        registered
                .post()
                .uri("/eureka/apps/PAYMENT-SERVICE")
                .contentType(MediaType.APPLICATION_JSON)
                .body(INSTANCE.replace("ORDER-SERVICE", "PAYMENT-SERVICE"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.NO_CONTENT);
        registered
                .get()
                .uri("/eureka/apps/PAYMENT-SERVICE")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk();

        registered
                .delete()
                .uri("/eureka/apps/PAYMENT-SERVICE/evil:1")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void dashboardIsServedToHoldersOfTheCredentials() {
        registered
                .get()
                .uri("/")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Eureka"));
    }

    @Test
    void theDashboardHasAnIconSoBrowsersLogNo404() {
        registered
                .get()
                .uri("/favicon.ico")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.IMAGE_PNG)
                .expectBody(byte[].class)
                .value(png -> assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'));
    }

    @Test
    void healthIsOpen() {
        anonymous
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
