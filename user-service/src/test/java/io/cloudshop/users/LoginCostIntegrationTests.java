package io.cloudshop.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.cloudshop.testsupport.TestInfrastructure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A failed login costs the same whether the email exists or not, so response times do not reveal accounts: both
 * verify exactly one password hash, with the same algorithm and cost parameters. Checked on the work done rather than
 * by timing requests, so the result does not depend on how busy the machine is; skipping the hash for unknown emails
 * (what makes them ~50 times faster) fails it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class LoginCostIntegrationTests {

    static final String WRONG = "definitely not it";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        IdentityFixtures.register(registry);
    }

    @Test
    void unknownEmailAndWrongPasswordVerifyOneHashOfTheSameCost() {
        RestTestClient client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        String email = "cost-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"%s\", \"password\": \"correct horse battery\", \"name\": \"T\"}".formatted(email))
                .exchange()
                .expectStatus()
                .isCreated();

        String accountHash = verifiedHashOfFailedLogin(client, email);
        String unknownHash = verifiedHashOfFailedLogin(client, "nobody-" + UUID.randomUUID() + "@example.com");

        assertThat(unknownHash).as("not the account's hash").isNotEqualTo(accountHash);
        assertThat(cost(unknownHash))
                .as("algorithm, version, memory, iterations, parallelism, salt and hash lengths")
                .isEqualTo(cost(accountHash))
                .first()
                .isEqualTo("argon2id");
    }

    /** Logs in with a wrong password and returns the one hash the login verified it against. */
    private String verifiedHashOfFailedLogin(RestTestClient client, String email) {
        clearInvocations(passwords);
        client.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, WRONG))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(passwords, times(1)).matches(eq(WRONG), hash.capture());
        return hash.getValue();
    }

    /** What an Argon2 hash costs to verify: {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} without salt and hash. */
    private static List<String> cost(String hash) {
        String[] parts = hash.split("\\$");
        assertThat(parts).as(hash).hasSize(6);
        return List.of(
                parts[1], parts[2], parts[3], Integer.toString(parts[4].length()), Integer.toString(parts[5].length()));
    }
}
