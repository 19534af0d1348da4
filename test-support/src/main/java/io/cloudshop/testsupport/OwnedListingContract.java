package io.cloudshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every listing of things a customer owns promises (orders, payments), over real HTTP on the service's own
 * PostgreSQL: a page shape with defaults, customers see only their own, another customer's item answers exactly like
 * a missing one, tokens are checked, sort and page size are whitelisted. A service's test class extends this with its
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} set-up and adds what only its listing does (its filters).
 */
public abstract class OwnedListingContract {

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** An admin's client: sees every customer's items. */
    protected RestTestClient client;

    /** The collection's path, e.g. {@code /api/v1/orders}. */
    protected abstract String path();

    /** Stores one item owned by {@code customer} straight into the service's table; returns its id. */
    protected abstract UUID insertRow(UUID customer);

    /** Deletes every item (and what refers to it). */
    protected abstract void clear();

    /** A property the listing may be sorted by. */
    protected abstract String sortableProperty();

    /** JSON paths of a listed item, relative to the item, and the values {@link #insertRow} stored there. */
    protected abstract Map<String, Object> insertedFields();

    @BeforeEach
    void setUpListing() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .build();
        clear();
    }

    @AfterEach
    void clearListing() {
        clear();
    }

    @Test
    void migrationsRan() {
        Integer applied = jdbc.sql("select count(*) from flyway_schema_history where version = '1' and success")
                .query(Integer.class)
                .single();

        assertThat(applied).isEqualTo(1);
    }

    @Test
    void anEmptyTableIsAnEmptyPage() {
        client.get()
                .uri(path())
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
    void listsWhatTheTableHolds() {
        insertRow(UUID.randomUUID());
        insertRow(UUID.randomUUID());

        RestTestClient.BodyContentSpec body = client.get()
                .uri(path())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(2);
        insertedFields()
                .forEach(
                        (field, value) -> body.jsonPath("$.content[0]." + field).isEqualTo(value));
    }

    @Test
    void aCustomerSeesOnlyTheirOwn() {
        UUID customer = UUID.randomUUID();
        UUID mine = insertRow(customer);
        insertRow(UUID.randomUUID());

        assertListsOnly(
                anonymous()
                        .get()
                        .uri(path())
                        .header("Authorization", "Bearer " + TestTokens.customer(customer))
                        .exchange(),
                mine);
    }

    @Test
    void anotherCustomersOneAnswersExactlyLikeAMissingOne() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID alices = insertRow(alice);

        anonymous()
                .get()
                .uri(path() + "/{id}", alices)
                .header("Authorization", "Bearer " + TestTokens.customer(alice))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(alices.toString());
        client.get().uri(path() + "/{id}", alices).exchange().expectStatus().isOk();

        ProblemDetail foreign = notFound(alices, bob);
        ProblemDetail missing = notFound(UUID.randomUUID(), bob);

        assertThat(foreign.getProperties()).containsEntry("code", "NOT_FOUND");
        assertThat(foreign.getDetail()).isEqualTo(missing.getDetail());
        assertThat(foreign.getTitle()).isEqualTo(missing.getTitle());
        assertThat(foreign.getType()).isEqualTo(missing.getType());
    }

    @Test
    void withoutATokenIsUnauthorized() {
        anonymous()
                .get()
                .uri(path())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void everyInvalidTokenIsRejected() {
        TokenMatrix.assertEveryInvalidTokenIsRejected("http://localhost:" + port + path());
    }

    @Test
    void aSortOutsideTheWhitelistIsRejected() {
        assertValidationFailed(path() + "?sort=customerId", "sort");
        client.get()
                .uri(path() + "?sort=" + sortableProperty() + ",sideways")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.get()
                .uri(path() + "?sort=" + sortableProperty() + ",asc")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anOversizedPageIsRejected() {
        assertValidationFailed(path() + "?size=1000", "size");
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

    /** The answer is a page holding exactly the item {@code id}. */
    protected static void assertListsOnly(RestTestClient.ResponseSpec response, UUID id) {
        response.expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(1)
                .jsonPath("$.content[0].id")
                .isEqualTo(id.toString());
    }

    private void assertValidationFailed(String uri, String field) {
        client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    /** A client without default headers. */
    protected RestTestClient anonymous() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private ProblemDetail notFound(UUID id, UUID caller) {
        return anonymous()
                .get()
                .uri(path() + "/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.customer(caller))
                .exchange()
                .expectStatus()
                .isNotFound()
                .returnResult(ProblemDetail.class)
                .getResponseBody();
    }
}
