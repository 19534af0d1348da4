package io.cloudshop.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A failed login costs the same whether the email exists or not, so response times do not reveal accounts. Compares
 * the distributions of many interleaved attempts (medians and upper quartiles), never single samples: skipping the
 * hash for unknown emails would make them ~50 times faster and fail this by a wide margin, while scheduling noise on a
 * busy machine moves both distributions alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class LoginTimingIntegrationTests {

    static final int ATTEMPTS = 40;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        IdentityFixtures.register(registry);
    }

    @Test
    void unknownEmailAndWrongPasswordTakeTheSameTime() {
        RestTestClient client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        String email = "timing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"%s\", \"password\": \"correct horse battery\", \"name\": \"T\"}".formatted(email))
                .exchange()
                .expectStatus()
                .isCreated();
        for (int i = 0; i < 5; i++) { // warm-up: JIT and connection pool
            attempt(client, email);
            attempt(client, "nobody-" + i + "@example.com");
        }

        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            wrongPassword.add(attempt(client, email));
            unknownEmail.add(attempt(client, "nobody-" + UUID.randomUUID() + "@example.com"));
        }

        assertThat(ratio(percentile(unknownEmail, 50), percentile(wrongPassword, 50)))
                .as("median unknown email / median wrong password")
                .isBetween(0.75, 1.33);
        assertThat(ratio(percentile(unknownEmail, 75), percentile(wrongPassword, 75)))
                .as("upper quartile unknown email / upper quartile wrong password")
                .isBetween(0.7, 1.43);
    }

    private static long attempt(RestTestClient client, String email) {
        long start = System.nanoTime();
        client.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"%s\", \"password\": \"definitely not it\"}".formatted(email))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        return System.nanoTime() - start;
    }

    private static long percentile(List<Long> samples, int percentile) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }

    private static double ratio(long a, long b) {
        return (double) a / b;
    }
}
