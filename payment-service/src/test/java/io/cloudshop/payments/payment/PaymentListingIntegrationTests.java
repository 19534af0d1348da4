package io.cloudshop.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TokenMatrix;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The payment listing answers from the payments table that Flyway created on a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class PaymentListingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .build();
        jdbc.sql("delete from payments").update();
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("delete from payments").update();
    }

    @Test
    void migrationCreatesThePaymentsTable() {
        Integer applied = jdbc.sql("select count(*) from flyway_schema_history where version = '1' and success")
                .query(Integer.class)
                .single();

        assertThat(applied).isEqualTo(1);
    }

    @Test
    void emptyTableIsAnEmptyPage() {
        client.get()
                .uri("/api/v1/payments")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content")
                .isEmpty()
                .jsonPath("$.page.totalElements")
                .isEqualTo(0)
                .jsonPath("$.page.size")
                .isEqualTo(20)
                .jsonPath("$.page.number")
                .isEqualTo(0);
    }

    @Test
    void listsPaymentsFromTheTable() {
        insertRow("00000000-0000-0000-0000-000000000001");
        insertRow("00000000-0000-0000-0000-000000000002");

        client.get()
                .uri("/api/v1/payments")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(2)
                .jsonPath("$.content[0].status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.content[0].amount.amount")
                .isEqualTo(9.99);
    }

    @Test
    void customerSeesOnlyTheirOwn() {
        UUID mine = insertRow("00000000-0000-0000-0000-000000000001");
        insertRow("00000000-0000-0000-0000-000000000002");

        RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/api/v1/payments")
                .header(
                        "Authorization",
                        "Bearer " + TestTokens.customer(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(1)
                .jsonPath("$.content[0].id")
                .isEqualTo(mine.toString());
    }

    @Test
    void anotherCustomersOneAnswersExactlyLikeAMissingOne() {
        UUID alice = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID bob = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        UUID alices = insertRow(alice.toString());
        RestTestClient anonymous = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();

        anonymous
                .get()
                .uri("/api/v1/payments/{id}", alices)
                .header("Authorization", "Bearer " + TestTokens.customer(alice))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(alices.toString());
        client.get()
                .uri("/api/v1/payments/{id}", alices)
                .exchange()
                .expectStatus()
                .isOk();

        ProblemDetail foreign = anonymous
                .get()
                .uri("/api/v1/payments/{id}", alices)
                .header("Authorization", "Bearer " + TestTokens.customer(bob))
                .exchange()
                .expectStatus()
                .isNotFound()
                .returnResult(ProblemDetail.class)
                .getResponseBody();
        ProblemDetail missing = anonymous
                .get()
                .uri("/api/v1/payments/{id}", UUID.randomUUID())
                .header("Authorization", "Bearer " + TestTokens.customer(bob))
                .exchange()
                .expectStatus()
                .isNotFound()
                .returnResult(ProblemDetail.class)
                .getResponseBody();

        assertThat(foreign.getProperties()).containsEntry("code", "NOT_FOUND");
        assertThat(foreign.getDetail()).isEqualTo(missing.getDetail());
        assertThat(foreign.getTitle()).isEqualTo(missing.getTitle());
        assertThat(foreign.getType()).isEqualTo(missing.getType());
    }

    @Test
    void withoutTokenIsUnauthorized() {
        RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/api/v1/payments")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void everyInvalidTokenIsRejected() {
        TokenMatrix.assertEveryInvalidTokenIsRejected("http://localhost:" + port + "/api/v1/payments");
    }

    @Test
    void sortOutsideTheWhitelistIsRejected() {
        client.get()
                .uri("/api/v1/payments?sort=customerId")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("sort");
        client.get()
                .uri("/api/v1/payments?sort=amount,sideways")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.get()
                .uri("/api/v1/payments?sort=amount,asc")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void filtersByOrder() {
        insertRow("00000000-0000-0000-0000-000000000001");
        UUID wanted = insertRow("00000000-0000-0000-0000-000000000001");
        UUID order = jdbc.sql("select order_id from payments where id = ?")
                .param(wanted)
                .query(UUID.class)
                .single();

        client.get()
                .uri("/api/v1/payments?orderId=" + order)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(1)
                .jsonPath("$.content[0].id")
                .isEqualTo(wanted.toString());
    }

    @Test
    void oversizedPageIsRejected() {
        client.get()
                .uri("/api/v1/payments?size=1000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void readinessIncludesTheDatabase() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private UUID insertRow(String value) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payments (id, order_id, customer_id, amount, currency, status)
                        values (?, gen_random_uuid(), ?::uuid, 9.99, 'EUR', 'COMPLETED')
                        """).params(id, value).update();
        return id;
    }
}
