package io.cloudshop.discovery;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A registry that starts empty, as a restarted one does, refuses reads (403) for its wait time, so that clients keep
 * the instances they know rather than fetch an empty list, while it takes registrations from the instances that come
 * back. With Spring Cloud's default open-for-traffic count, or no wait, the first read is 200 with no instances.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"EUREKA_PASSWORD=" + DiscoveryServerTests.PASSWORD, "EUREKA_WAIT_WHEN_EMPTY_MS=600000"})
class RestartedRegistryTests {

    @LocalServerPort
    int port;

    @Test
    void readsAreRefusedWhileInstancesRegisterAgain() {
        RestTestClient registered = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("eureka", DiscoveryServerTests.PASSWORD))
                .build();

        registered
                .post()
                .uri("/eureka/apps/ORDER-SERVICE")
                .contentType(MediaType.APPLICATION_JSON)
                .body(DiscoveryServerTests.INSTANCE)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.NO_CONTENT);
        registered
                .get()
                .uri("/eureka/apps")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isForbidden();
        registered
                .get()
                .uri("/eureka/apps/delta")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
